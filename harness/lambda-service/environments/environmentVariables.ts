import type { FunctionRecord } from '../functions/FunctionStore.ts';

/** Keys Lambda sets itself and refuses in Environment.Variables. */
export const RESERVED_VARIABLES: readonly string[] = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
];

/** Credentials injected the way Lambda injects the execution role's temporary ones. */
export interface FunctionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface EnvironmentVariablesInput {
  fn: FunctionRecord;
  credentials: FunctionCredentials;
  region: string;
  runtimeApi: string;
  runtimeDir: string;
  logStreamName: string;
  nodeMajor: string;
  awsEndpointUrl?: string;
  /** HOME, for a process whose user has no home (no passwd entry): else os.homedir() throws in it. */
  home?: string;
}

/**
 * The environment of a function's process: its own variables plus the ones
 * Lambda reserves. Nothing of the service's own environment leaks in but
 * PATH (in particular not NODE_OPTIONS).
 */
export function environmentVariables(input: EnvironmentVariablesInput): Record<string, string> {
  const { fn } = input;
  const injected: Record<string, string> = { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', LANG: 'en_US.UTF-8', TZ: ':UTC' };
  if (input.awsEndpointUrl) {
    injected.AWS_ENDPOINT_URL = input.awsEndpointUrl;
  }
  if (input.home) {
    injected.HOME = input.home;
  }
  return {
    ...injected,
    ...fn.variables,
    AWS_ACCESS_KEY_ID: input.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: input.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: input.credentials.sessionToken,
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${input.nodeMajor}.x`,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    // The group LoggingConfig names, as Lambda sets it.
    AWS_LAMBDA_LOG_GROUP_NAME: fn.loggingConfig.LogGroup,
    AWS_LAMBDA_LOG_STREAM_NAME: input.logStreamName,
    AWS_LAMBDA_RUNTIME_API: input.runtimeApi,
    LAMBDA_TASK_ROOT: fn.code.directory,
    LAMBDA_RUNTIME_DIR: input.runtimeDir,
    _HANDLER: fn.handler,
  };
}
