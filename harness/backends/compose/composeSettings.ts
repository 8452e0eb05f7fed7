import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { isRunningStack } from '../../processes/isRunningStack.ts';
import { BackendSettingError } from '../errors.ts';
import type { AwsCredentials } from '../types.ts';
import { composeTerraformOutputsFile, envUrl, envValue, terraformOutputsFileFromEnv } from '../settingsFromEnv.ts';

/** The part of `.fanout/stack.json` (written by `npm start`) an attached run reads. */
const StackFileSchema = z.object({
  pid: z.int().optional(),
  apiUrl: z.url(),
  apiKey: z.string().optional(),
  region: z.string().min(1),
  endpoints: z.object({ aws: z.url() }),
  credentials: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1) }).optional(),
});

/**
 * `FANOUT_STACK_FILE`: the stack file of a running `npm start` (e.g. `npm start -- --deploy terraform`),
 * whose publisher, endpoint, region and key become the defaults, so the specs attach to it.
 */
function stackFileDefaults(env: NodeJS.ProcessEnv, cwd: string): NodeJS.ProcessEnv {
  const file = envValue(env, 'FANOUT_STACK_FILE');
  if (file === undefined) return {};
  let parsed;
  try {
    parsed = StackFileSchema.parse(JSON.parse(readFileSync(path.resolve(cwd, file), 'utf8')));
  } catch (error) {
    throw new BackendSettingError(`FANOUT_STACK_FILE=${file}: not the stack file of a running npm start (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  if (parsed.pid !== undefined && !isRunningStack(parsed.pid)) {
    throw new BackendSettingError(`FANOUT_STACK_FILE=${file} is stale: the npm start that wrote it (pid ${parsed.pid}) is not running; start the stack again`);
  }
  return {
    FANOUT_API_URL: parsed.apiUrl,
    FANOUT_AWS_ENDPOINT: parsed.endpoints.aws,
    FANOUT_AWS_REGION: parsed.region,
    ...(parsed.apiKey === undefined ? {} : { FANOUT_API_KEY: parsed.apiKey }),
    ...(parsed.credentials === undefined ? {} : {
      FANOUT_AWS_ACCESS_KEY_ID: parsed.credentials.accessKeyId,
      FANOUT_AWS_SECRET_ACCESS_KEY: parsed.credentials.secretAccessKey,
    }),
  };
}

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
  /**
   * `FANOUT_AWS_ACCESS_KEY_ID` / `FANOUT_AWS_SECRET_ACCESS_KEY` (from the stack file of `npm start`, whose endpoints
   * check signatures), default `test`: LocalStack accepts any, and `test` maps to its default account 000000000000.
   */
  credentials: AwsCredentials;
  /** How long each reachability probe may take. */
  probeTimeoutMs: number;
  /** `FANOUT_STACK_FILE`, when the settings came from a running `npm start`'s stack file. */
  stackFile?: string;
}

/** Reads the compose backend's settings from the environment, with the compose file's defaults. */
export function composeSettingsFromEnv(given: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ComposeSettings {
  // Variables set explicitly win over the stack file's.
  const env = { ...stackFileDefaults(given, cwd), ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined && value.trim() !== '')) };
  const apiKey = envValue(env, 'FANOUT_API_KEY');
  const stackFile = envValue(given, 'FANOUT_STACK_FILE');
  return {
    ...(stackFile === undefined ? {} : { stackFile }),
    apiUrl: envUrl(env, 'FANOUT_API_URL', 'http://localhost:3000'),
    awsEndpoint: envUrl(env, 'FANOUT_AWS_ENDPOINT', 'http://localhost:4566'),
    region: envValue(env, 'FANOUT_AWS_REGION') ?? 'us-east-1',
    ...(apiKey === undefined ? {} : { apiKey }),
    outputsFile: terraformOutputsFileFromEnv(env, { cwd, fallback: composeTerraformOutputsFile }),
    // LocalStack's `test`, or the stack file's (the embedded stack checks signatures).
    credentials: {
      accessKeyId: envValue(env, 'FANOUT_AWS_ACCESS_KEY_ID') ?? 'test',
      secretAccessKey: envValue(env, 'FANOUT_AWS_SECRET_ACCESS_KEY') ?? 'test',
    },
    probeTimeoutMs: 3000,
  };
}
