import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the correlation id', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  const publishedCorrelationId = (): string | undefined =>
    publisher.published().at(-1)?.MessageAttributes?.correlationId?.StringValue;

  it('is generated when the request has none, and is the same in the answer and on the message', async () => {
    const response = await postOrder(publisher.url);

    const id = response.headers.get('x-correlation-id');
    expect(id).toMatch(UUID);
    expect(await response.json()).toMatchObject({ correlationId: id });
    expect(publishedCorrelationId()).toBe(id);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with forbidden characters', 'evil id<script>'],
  ])('replaces a supplied one that is %s', async (_case, supplied) => {
    const response = await postOrder(publisher.url, undefined, { 'X-Correlation-Id': supplied });

    const id = response.headers.get('x-correlation-id');
    expect(id).toMatch(UUID);
    expect(publishedCorrelationId()).toBe(id);
  });

  it('is echoed on error answers too, in the header and the problem', async () => {
    const response = await fetch(`${publisher.url}/nowhere`, { headers: { 'X-Correlation-Id': 'trace:1.2_3-4' } });

    expect(response.status).toBe(404);
    expect(response.headers.get('x-correlation-id')).toBe('trace:1.2_3-4');
    expect(await response.json()).toMatchObject({ correlationId: 'trace:1.2_3-4' });
  });
});
