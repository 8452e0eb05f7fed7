import { describe, expect, it } from '@jest/globals';
import type { ContainerRuntimeClient } from 'testcontainers';
import { assertDockerAvailable, dockerUnavailableMessage } from '../../../harness/backends/localstack/assertDockerAvailable.ts';
import { DockerUnavailableError } from '../../../harness/backends/localstack/errors.ts';

const noEngine = async (): Promise<ContainerRuntimeClient> => {
  throw new Error('Could not find a working container runtime strategy');
};

describe('assertDockerAvailable', () => {
  it('rejects with a DockerUnavailableError whose one-line message names the socket and the way out', async () => {
    const probe = assertDockerAvailable({ env: {}, getClient: noEngine });

    await expect(probe).rejects.toThrow(DockerUnavailableError);
    await expect(probe).rejects.toThrow(
      'localstack backend needs a Docker engine: none reachable at /var/run/docker.sock (DOCKER_HOST unset). Start Docker or use FANOUT_BACKEND=embedded.',
    );
  });

  it('names DOCKER_HOST when it is set', () => {
    expect(dockerUnavailableMessage({ DOCKER_HOST: 'tcp://docker:2375' })).toBe(
      'localstack backend needs a Docker engine: none reachable at tcp://docker:2375 (DOCKER_HOST). Start Docker or use FANOUT_BACKEND=embedded.',
    );
  });

  it('gives up after the timeout when the engine never answers', async () => {
    const started = Date.now();
    const hanging = () => new Promise<ContainerRuntimeClient>(() => {});

    const probe = assertDockerAvailable({ env: {}, timeoutMs: 50, getClient: hanging });

    await expect(probe).rejects.toThrow(DockerUnavailableError);
    await expect(probe).rejects.toHaveProperty('cause.message', 'no answer within 50 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps the underlying reason as the cause, out of the one line', async () => {
    const error = await assertDockerAvailable({ env: {}, getClient: noEngine }).catch((e: unknown) => e);

    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).cause).toHaveProperty('message', 'Could not find a working container runtime strategy');
  });
});
