import type { ContainerRequest } from './containerRequest.ts';
import { localStackUrlInNetwork } from './localStackContainerRequest.ts';

/** Where the Terraform workspace (terraform/ and dist/lambdas/) is copied inside the container. */
export const containerWorkspace = '/workspace';

/**
 * The environment of every terraform run against LocalStack: dummy credentials, so that nothing can reach a
 * real AWS account even if a provider setting were missed, and no prompts.
 */
export function terraformEnvironment(endpointUrl: string): Record<string, string> {
  return {
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL: endpointUrl,
  };
}

export interface TerraformRequestOptions {
  image: string;
  networkName: string;
  /** The prepared workspace on this machine; copied in, since the engine may not see this machine's files. */
  workspaceDir: string;
}

/** A long-lived Terraform container: `init`, `apply` and `output` run in it one by one through exec. */
export function terraformContainerRequest(options: TerraformRequestOptions): ContainerRequest {
  return {
    name: 'terraform',
    image: options.image,
    environment: terraformEnvironment(localStackUrlInNetwork),
    bindMounts: [],
    networkName: options.networkName,
    networkAliases: ['terraform'],
    exposedPorts: [],
    wait: { kind: 'listening-ports' },
    startupTimeoutMs: 60_000,
    // The image's entrypoint is terraform itself; idle instead, and exec each command.
    entrypoint: ['tail', '-f', '/dev/null'],
    copyDirectories: [{ source: options.workspaceDir, target: containerWorkspace }],
  };
}
