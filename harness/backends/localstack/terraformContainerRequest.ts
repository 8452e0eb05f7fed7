import type { ContainerRequest } from './containerRequest.ts';
import { terraformEnvironment } from '../../terraform/terraformEnvironment.ts';
import { localStackUrlInNetwork } from './localStackContainerRequest.ts';

/** Where the Terraform workspace (terraform/ and dist/lambdas/) is copied inside the container. */
export const containerWorkspace = '/workspace';

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
