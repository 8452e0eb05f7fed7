import { getContainerRuntimeClient, type ContainerRuntimeClient } from 'testcontainers';
import { DockerUnavailableError } from './errors.ts';

/** Where the Docker engine was looked for, as a user would configure it. */
export function dockerLocation(env: NodeJS.ProcessEnv = process.env): string {
  const dockerHost = env.DOCKER_HOST?.trim();
  return dockerHost ? `${dockerHost} (DOCKER_HOST)` : '/var/run/docker.sock (DOCKER_HOST unset)';
}

/** The one line printed when the localstack backend cannot run for want of Docker. */
export function dockerUnavailableMessage(env: NodeJS.ProcessEnv = process.env): string {
  return `localstack backend needs a Docker engine: none reachable at ${dockerLocation(env)}. Start Docker or use FANOUT_BACKEND=embedded.`;
}

export interface DockerProbeOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** testcontainers' runtime lookup; replaced in tests. */
  getClient?: () => Promise<ContainerRuntimeClient>;
}

/**
 * Finds the Docker engine the way testcontainers does (DOCKER_HOST, ~/.testcontainers.properties, the socket),
 * giving up after `timeoutMs`. Resolves with the socket path as the engine sees it, to bind into LocalStack.
 */
export async function assertDockerAvailable(options: DockerProbeOptions = {}): Promise<{ socketPath: string }> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const { promise: timedOut, reject } = Promise.withResolvers<never>();
  const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  timer.unref();
  try {
    const client = await Promise.race([(options.getClient ?? getContainerRuntimeClient)(), timedOut]);
    return { socketPath: client.info.containerRuntime.remoteSocketPath };
  } catch (error) {
    throw new DockerUnavailableError(dockerUnavailableMessage(options.env), { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
