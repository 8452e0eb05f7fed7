import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { ComposeBackend } from '../../../harness/backends/compose/ComposeBackend.ts';
import { StackUnreachableError } from '../../../harness/backends/errors.ts';
import { startHealthServer } from '../support/healthServer.ts';

describe('the compose backend while the stack is not provisioned yet', () => {
  let aws: FauxqsServer;
  let publisher: Awaited<ReturnType<typeof startHealthServer>>;
  beforeAll(async () => {
    aws = await startFauxqs({ port: 0, logger: false });
    publisher = await startHealthServer();
  });
  afterAll(async () => {
    await aws.stop();
    await publisher[Symbol.asyncDispose]();
  });

  it('names the missing topic and the compose service to wait for, and creates nothing', async () => {
    const backend = new ComposeBackend({ env: {}, awsEndpoint: aws.address, apiUrl: publisher.url, outputsFile: path.join(import.meta.dirname, 'absent.json') });

    const start = backend.start();

    await expect(start).rejects.toThrow(StackUnreachableError);
    await expect(start).rejects.toThrow('compose backend: topic "fanout-order-events" does not exist yet; wait for the compose "terraform" service to finish (docker compose -f compose/docker-compose.yml logs terraform)');
    expect(aws.inspectQueue('fanout-order-outcomes')).toBeUndefined();
  });
});
