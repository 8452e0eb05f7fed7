import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { streamingPost } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

const LIMIT = 64 * 1024;

describe('a body over the 64 KiB limit', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  it('is refused from its Content-Length before any of it is read', async () => {
    const response = await streamingPost(`${publisher.url}/orders`, {
      headers: { 'content-type': 'application/json', 'content-length': String(LIMIT + 1) },
      chunks: ['{"customer":'],
    });

    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body)).toMatchObject({ status: 413, title: 'Payload Too Large', instance: '/orders' });
    expect(publisher.published()).toEqual([]);
  });

  it('is refused while streaming once the bytes read pass the limit (chunked)', async () => {
    const chunk = 'x'.repeat(1024);
    const chunks = ['{"padding":"', ...Array.from({ length: 200 }, () => chunk), '"}'];

    const response = await streamingPost(`${publisher.url}/orders`, {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks,
    });

    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ status: 413 });
    expect(response.bytesSent).toBeLessThan(200 * 1024);
    expect(publisher.published()).toEqual([]);
  });
});
