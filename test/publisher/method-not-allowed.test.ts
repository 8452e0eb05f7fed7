import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

describe('a wrong method on a known route', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  it.each([
    ['GET', '/orders', 'POST'],
    ['DELETE', '/orders', 'POST'],
    ['POST', '/health', 'HEAD, GET'],
  ])('%s %s is answered 405 with Allow: %s', async (method, path, allow) => {
    const response = await fetch(`${publisher.url}${path}`, { method });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 405, title: 'Method Not Allowed', instance: path });
    expect(publisher.published()).toEqual([]);
  });
});
