import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

describe('with API keys configured', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher({ apiKeys: ['key-one', 'key-two'] });
  });
  afterAll(() => publisher.close());

  it.each([
    ['missing', {}],
    ['wrong', { 'X-Api-Key': 'key-three' }],
    ['a prefix of a valid key', { 'X-Api-Key': 'key-on' }],
  ])('POST /orders is answered 401 when the key is %s, and nothing is published', async (_case, headers: Record<string, string>) => {
    const response = await postOrder(publisher.url, undefined, headers);

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('www-authenticate')).toContain('X-Api-Key');
    expect(response.headers.get('x-correlation-id')).not.toBeNull();
    expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(publisher.published()).toEqual([]);
  });

  it.each(['key-one', 'key-two'])('POST /orders is accepted with the key %s', async (key) => {
    const response = await postOrder(publisher.url, undefined, { 'X-Api-Key': key });

    expect(response.status).toBe(202);
  });

  it.each(['/health', '/openapi.json', '/docs', '/docs/swagger-ui.css'])('%s stays open without a key', async (path) => {
    const response = await fetch(`${publisher.url}${path}`);

    expect(response.status).toBe(200);
  });
});
