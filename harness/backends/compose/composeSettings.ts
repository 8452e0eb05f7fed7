import type { AwsCredentials } from '../types.ts';
import { composeTerraformOutputsFile, envUrl, envValue, terraformOutputsFileFromEnv } from '../settingsFromEnv.ts';

/** Where the stack of `docker compose -f compose/docker-compose.yml up` answers, as seen from the host. */
export interface ComposeSettings {
  /** The publisher: `FANOUT_API_URL`, default http://localhost:3000. */
  apiUrl: string;
  /** LocalStack's edge port: `FANOUT_AWS_ENDPOINT`, default http://localhost:4566. */
  awsEndpoint: string;
  /** `FANOUT_AWS_REGION`, default us-east-1; the Terraform outputs' region wins when they are read. */
  region: string;
  /** `FANOUT_API_KEY`, when the compose publisher is configured with `PUBLISHER_API_KEYS`. */
  apiKey?: string;
  /** `FANOUT_TF_OUTPUTS`, default `.fanout/outputs.json`, written by the compose `terraform` service. */
  outputsFile: string;
  /** LocalStack accepts any; `test` maps to its default account 000000000000. */
  credentials: AwsCredentials;
  /** How long each reachability probe may take. */
  probeTimeoutMs: number;
}

/** Reads the compose backend's settings from the environment, with the compose file's defaults. */
export function composeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ComposeSettings {
  const apiKey = envValue(env, 'FANOUT_API_KEY');
  return {
    apiUrl: envUrl(env, 'FANOUT_API_URL', 'http://localhost:3000'),
    awsEndpoint: envUrl(env, 'FANOUT_AWS_ENDPOINT', 'http://localhost:4566'),
    region: envValue(env, 'FANOUT_AWS_REGION') ?? 'us-east-1',
    ...(apiKey === undefined ? {} : { apiKey }),
    outputsFile: terraformOutputsFileFromEnv(env, { cwd, fallback: composeTerraformOutputsFile }),
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    probeTimeoutMs: 3000,
  };
}
