import type { ContainerRequest } from './containerRequest.ts';

export const localStackAlias = 'localstack';
export const localStackPort = 4566;
/** LocalStack as the publisher, Terraform and the Lambdas reach it on the stack's network. */
export const localStackUrlInNetwork = `http://${localStackAlias}:${localStackPort}`;
/** What the pipeline uses: SNS, SQS, Lambda, and what Terraform's AWS provider calls around them. */
export const localStackServices = ['sns', 'sqs', 'lambda', 'iam', 'logs', 'sts'] as const;

export interface LocalStackRequestOptions {
  image: string;
  authToken?: string | undefined;
  /** The user-defined network of the stack; LocalStack starts the Lambda containers on it too. */
  networkName: string;
  /** The Docker socket as the engine's host sees it (testcontainers' `remoteSocketPath`). */
  dockerSocket: string;
}

/** LocalStack with the Docker socket bound in, so that it runs each Lambda in a container of its own. */
export function localStackContainerRequest(options: LocalStackRequestOptions): ContainerRequest {
  return {
    name: 'LocalStack',
    image: options.image,
    environment: {
      SERVICES: localStackServices.join(','),
      // Lambda containers join the stack's network, so they reach LocalStack by its alias.
      LAMBDA_DOCKER_NETWORK: options.networkName,
      // Queue URLs and the endpoint injected into Lambdas name the alias, not localhost.
      LOCALSTACK_HOST: `${localStackAlias}:${localStackPort}`,
      DOCKER_HOST: 'unix:///var/run/docker.sock',
      // Services start at boot, so "Ready." means ready; the first Lambda may pull its runtime image.
      EAGER_SERVICE_LOADING: '1',
      LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT: '60',
      ...(options.authToken === undefined ? {} : { LOCALSTACK_AUTH_TOKEN: options.authToken }),
    },
    bindMounts: [{ source: options.dockerSocket, target: '/var/run/docker.sock', mode: 'rw' }],
    networkName: options.networkName,
    networkAliases: [localStackAlias],
    exposedPorts: [localStackPort],
    wait: { kind: 'log', message: 'Ready.' },
    startupTimeoutMs: 120_000,
    copyDirectories: [],
  };
}
