import { describe, expect, it } from '@jest/globals';
import { getContainerRuntimeClient } from 'testcontainers';
import { dockerUnavailableMessage } from '../../../harness/backends/localstack/assertDockerAvailable.ts';
import { DockerUnavailableError } from '../../../harness/backends/localstack/errors.ts';
import { LocalStackBackend } from '../../../harness/backends/localstack/LocalStackBackend.ts';

// Decided while collecting: on a machine with Docker this test would start real containers, so it skips.
const dockerReachable = await Promise.race([
  getContainerRuntimeClient().then(() => true, () => false),
  new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000).unref()),
]);
if (dockerReachable) console.warn('skipped "localstack start without Docker": a Docker engine is reachable here, so start() would really start LocalStack');
const withoutDocker = dockerReachable ? it.skip : it;

describe('the localstack backend on a machine without Docker', () => {
  withoutDocker('rejects start() within seconds with the one line that names what is missing', async () => {
    const sigintListeners = process.listenerCount('SIGINT');
    const started = Date.now();

    const start = new LocalStackBackend().start();

    await expect(start).rejects.toThrow(DockerUnavailableError);
    await expect(start).rejects.toThrow(dockerUnavailableMessage(process.env));
    expect(Date.now() - started).toBeLessThan(7000);
    expect(process.listenerCount('SIGINT')).toBe(sigintListeners);
  });
});
