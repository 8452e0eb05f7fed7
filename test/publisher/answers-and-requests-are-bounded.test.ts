import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { exampleOrder } from '../../contracts/index.ts';
import { startPublisher, type RunningPublisher } from '../../services/publisher/src/startPublisher.ts';
import { postOrder } from './support/requests.ts';
import { mockedSnsClient, TOPIC_ARN } from './support/testPublisher.ts';

/**
 * What one request can cost the publisher is bounded: a body of thousands of bad fields gets a problem
 * listing the first hundred (a limit of this API), and a body that trickles
 * in is cut off with 408 Request Timeout (RFC 9110 section 15.5.9) instead of holding a connection.
 */
describe('the publisher, given a request meant to cost it', () => {
  let publisher: RunningPublisher;

  beforeAll(async () => {
    const { client } = mockedSnsClient();
    publisher = await startPublisher({ topicArn: TOPIC_ARN, sns: client, logger: pino({ level: 'silent' }), requestTimeoutMs: 1000 });
  });
  afterAll(() => publisher.close());

  it('answers an order with 6,000 unknown fields with a small problem naming the first 100', async () => {
    const order = { ...exampleOrder, ...Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`f${i}`, 1])) };

    const response = await postOrder(publisher.url, order);
    const text = await response.text();

    expect(response.status).toBe(400);
    const problem = JSON.parse(text) as { detail: string; errors: unknown[] };
    expect(problem.detail).toBe('The order has 6000 invalid fields (the first 100 are listed).');
    expect(problem.errors).toHaveLength(100);
    expect(text.length).toBeLessThan(10_000);
  });

  it('cuts off an order whose body trickles in, with 408', async () => {
    const socket = connect(publisher.port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{');
    const trickle = setInterval(() => socket.write(' '), 100);
    const began = Date.now();

    await closed;
    clearInterval(trickle);

    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - began).toBeLessThan(4000);
  }, 10_000);
});
