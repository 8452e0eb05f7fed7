import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';
import { waitFor } from './support/waitFor.ts';

describe('request logging', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  it('writes one JSON line per request with method, path, status, duration and correlation id', async () => {
    await (await postOrder(publisher.url, { nope: true }, { 'X-Correlation-Id': 'log-check-1' })).text();

    const lines = await waitFor(() => {
      const found = publisher.logs.filter((line) => line.msg === 'request completed' && line.correlationId === 'log-check-1');
      return found.length > 0 ? found : undefined;
    }, { what: 'the request log line' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'POST', path: '/orders', status: 400, durationMs: expect.any(Number) });
  });

  it('logs the publish with the request\'s correlation id', async () => {
    await (await postOrder(publisher.url, undefined, { 'X-Correlation-Id': 'log-check-2' })).text();

    const line = publisher.logs.find((entry) => entry.msg === 'order published');
    expect(line).toMatchObject({ correlationId: 'log-check-2', orderId: expect.any(String), eventId: expect.any(String), messageId: 'msg-1' });
  });
});
