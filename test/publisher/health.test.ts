import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

describe('GET /health', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  it('answers 200 {status: ok}', async () => {
    const response = await fetch(`${publisher.url}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
