import { connect } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { PublishBatchCommand, type PublishBatchCommandOutput } from '@aws-sdk/client-sns';
import { pino } from 'pino';
import { startPublisher } from '../../services/publisher/src/startPublisher.ts';
import { postOrder } from './support/requests.ts';
import { mockedSnsClient, TOPIC_ARN } from './support/testPublisher.ts';
import { waitFor } from './support/waitFor.ts';

const silent = pino({ level: 'silent' });

function tryConnect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

describe('closing the publisher', () => {
  it('lets an in-flight order finish after close() begins, and refuses new connections', async () => {
    // Prepare: a publish that hangs until the test releases it
    const { client, sns } = mockedSnsClient();
    const release = Promise.withResolvers<PublishBatchCommandOutput>();
    sns.on(PublishBatchCommand).callsFake(() => release.promise);
    const publisher = await startPublisher({ topicArn: TOPIC_ARN, sns: client, logger: silent });
    const inFlight = postOrder(publisher.url);
    await waitFor(() => (sns.calls().length > 0 ? true : undefined), { what: 'the publish to start' });

    // Act
    const closing = publisher.close();
    const closeStarted = performance.now();

    // Assess
    await expect(tryConnect(publisher.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    release.resolve({ Successful: [{ Id: '0', MessageId: 'late' }], $metadata: {} });
    const response = await inFlight;
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: 'accepted' });
    await closing;
    // The keep-alive connection is dropped once idle, not after the 5 s keep-alive timeout.
    expect(performance.now() - closeStarted).toBeLessThan(3000);
  });

  it('cuts off requests still running at the shutdown deadline', async () => {
    const { client, sns } = mockedSnsClient();
    sns.on(PublishBatchCommand).callsFake(() => new Promise(() => {}));
    const publisher = await startPublisher({ topicArn: TOPIC_ARN, sns: client, logger: silent, publishTimeoutMs: 10_000, shutdownTimeoutMs: 100 });
    const inFlight = postOrder(publisher.url);
    await waitFor(() => (sns.calls().length > 0 ? true : undefined), { what: 'the publish to start' });

    const closeStarted = performance.now();
    await publisher.close();

    expect(performance.now() - closeStarted).toBeLessThan(3000);
    await expect(inFlight).rejects.toThrow();
  });

  it('supports `await using`', async () => {
    const { client } = mockedSnsClient();
    let port: number;
    {
      await using publisher = await startPublisher({ topicArn: TOPIC_ARN, sns: client, logger: silent });
      port = publisher.port;
      expect((await fetch(`${publisher.url}/health`)).status).toBe(200);
    }
    await expect(tryConnect(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
