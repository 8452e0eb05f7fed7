import path from 'node:path';
import { EMULATOR_CREDENTIALS } from '../../aws/emulator.ts';
import { PublisherEnv } from '../../../contracts/publisherEnvironment.ts';
import { publisherPaths, publisherPort } from '../publisherUrls.ts';
import type { ContainerRequest } from './containerRequest.ts';
import { localStackUrlInNetwork } from './localStackContainerRequest.ts';

/** The publisher's image is built from the repository: the Dockerfile's context is the repository root. */
export const publisherDockerfile = 'services/publisher/Dockerfile';

export interface PublisherImageBuild {
  context: string;
  dockerfile: string;
}

export function publisherImageBuild(repoRoot: string): PublisherImageBuild {
  return { context: path.resolve(repoRoot), dockerfile: publisherDockerfile };
}

export interface PublisherRequestOptions {
  networkName: string;
  topicArn: string;
  region: string;
  apiKey: string;
}

/** The publisher on the stack's network, publishing to LocalStack through its alias. */
export function publisherContainerRequest(options: PublisherRequestOptions): ContainerRequest {
  return {
    name: 'publisher',
    image: `built from ${publisherDockerfile}`,
    environment: {
      [PublisherEnv.topicArn]: options.topicArn,
      [PublisherEnv.region]: options.region,
      AWS_ENDPOINT_URL: localStackUrlInNetwork,
      AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
      [PublisherEnv.apiKeys]: options.apiKey,
    },
    bindMounts: [],
    networkName: options.networkName,
    networkAliases: ['publisher'],
    exposedPorts: [publisherPort],
    wait: { kind: 'http', path: publisherPaths.health, port: publisherPort, status: 200 },
    startupTimeoutMs: 60_000,
    copyDirectories: [],
  };
}
