import { envUrl, envValue, terraformOutputsFileFromEnv } from '../settingsFromEnv.ts';

/** An already deployed stack on AWS: its Terraform outputs and the publisher's URL. */
export interface AwsSettings {
  /** `FANOUT_TF_OUTPUTS`, default `.fanout/terraform-outputs.json`: the saved `terraform -chdir=terraform output -json`. */
  outputsFile: string;
  /** `FANOUT_API_URL`: the deployed publisher; required to start. */
  apiUrl?: string;
  /** `FANOUT_API_KEY`, when the publisher requires one. */
  apiKey?: string;
  probeTimeoutMs: number;
}

/** Reads the aws backend's settings; credentials and region come from the SDK default chain and the outputs. */
export function awsSettingsFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AwsSettings {
  const apiUrl = envUrl(env, 'FANOUT_API_URL');
  const apiKey = envValue(env, 'FANOUT_API_KEY');
  return {
    outputsFile: terraformOutputsFileFromEnv(env, { cwd }),
    ...(apiUrl === undefined ? {} : { apiUrl }),
    ...(apiKey === undefined ? {} : { apiKey }),
    probeTimeoutMs: 10_000,
  };
}
