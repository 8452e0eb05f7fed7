import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

describe('a body that is not JSON', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  it.each([
    ['broken JSON', '{"customer": {'],
    ['a JSON scalar', '"order"'],
  ])('is refused with 400 naming the body (%s), and nothing is published', async (_case, body) => {
    const response = await postOrder(publisher.url, body);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { title: string; errors: { field: string }[] };
    expect(problem.title).toBe('Malformed JSON');
    expect(problem.errors.map((error) => error.field)).toEqual(['body']);
    expect(publisher.published()).toEqual([]);
  });
});
