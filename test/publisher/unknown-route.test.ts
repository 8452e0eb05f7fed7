import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

describe('an unknown route', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  it('is answered 404 as problem+json', async () => {
    const response = await fetch(`${publisher.url}/order`, { method: 'POST' });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, instance: '/order' });
    expect(publisher.published()).toEqual([]);
  });
});
