import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { NotFoundException, PublishBatchCommand, type PublishBatchCommandInput } from '@aws-sdk/client-sns';
import { exampleOrder } from '../../contracts/index.ts';
import { postOrder } from './support/requests.ts';
import { publishesAll, startTestPublisher, type TestPublisher } from './support/testPublisher.ts';
import { waitFor } from './support/waitFor.ts';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const OUTCOME_UNKNOWN = 'tag:order-fanout,2025:problems/publish-outcome-unknown';

/**
 * The Idempotency-Key header of the IETF httpapi draft (draft-ietf-httpapi-idempotency-key-header, section 2):
 * a key stands for one order whatever happened to its first request; a request while the first is answered
 * is a 409, the key reused for another payload a 422 (section 2.7), a malformed key a 400.
 */
describe('an order placed with an Idempotency-Key', () => {
  let publisher: TestPublisher;
  let clock = Date.parse('2025-06-01T10:00:00Z');
  let keys = 0;
  const newKey = (): string => `"order-key-${(keys += 1)}"`;
  const place = async (key: string, order: unknown = exampleOrder, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await postOrder(publisher.url, order, { 'idempotency-key': key, ...headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const publishedEvents = (): Record<string, unknown>[] => publisher.published().map((input) => JSON.parse(input.Message ?? '') as Record<string, unknown>);

  beforeAll(async () => {
    publisher = await startTestPublisher({ publishTimeoutMs: 100, idempotencyWindowMs: 60_000, now: () => new Date(clock) });
  });
  afterEach(() => {
    publisher.sns.reset();
    publisher.sns.on(PublishBatchCommand).callsFake(publishesAll('msg-1'));
  });
  afterAll(() => publisher.close());

  it('is accepted once: a retry after a 202 gets the same answer and publishes nothing', async () => {
    const key = newKey();

    const first = await place(key);
    const retry = await place(key, { items: exampleOrder.items, currency: exampleOrder.currency, customer: exampleOrder.customer });

    expect(first.status).toBe(202);
    expect(retry).toEqual(first);
    expect(publisher.published()).toHaveLength(1);
  });

  it('keeps its ids after SNS refused it: the retry publishes the same event', async () => {
    const key = newKey();
    publisher.sns.on(PublishBatchCommand)
      .rejectsOnce(new NotFoundException({ message: 'Topic does not exist', $metadata: { httpStatusCode: 404 } }))
      .callsFake(publishesAll('msg-2'));

    const refused = await place(key);
    const retry = await place(key);

    expect(refused).toMatchObject({ status: 503, body: { title: 'Order not accepted' } });
    expect(retry.status).toBe(202);
    const [firstTry, secondTry] = publishedEvents();
    expect(secondTry).toEqual(firstTry);
    expect(retry.body).toMatchObject({ orderId: firstTry?.orderId, eventId: firstTry?.eventId });
  });

  it('keeps its ids after SNS timed out (it may have been published): the 503 says so, the retry publishes the same event', async () => {
    const key = newKey();
    // SNS takes the first publish but answers too late, as under load.
    publisher.sns.on(PublishBatchCommand)
      .callsFakeOnce((input: PublishBatchCommandInput) => new Promise((resolve) => setTimeout(() => resolve(publishesAll('late')(input)), 300)))
      .callsFake(publishesAll('msg-3'));

    const timedOut = await place(key);
    const retry = await place(key);

    expect(timedOut).toMatchObject({
      status: 503,
      body: { type: OUTCOME_UNKNOWN, detail: expect.stringContaining('Retry with the same Idempotency-Key'), orderId: expect.any(String), eventId: expect.any(String) },
    });
    expect(retry).toMatchObject({ status: 202, body: { orderId: timedOut.body.orderId, eventId: timedOut.body.eventId } });
    const events = publishedEvents();
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual(events[0]); // one eventId: consumers drop the second delivery
  });

  it('answers 409 while the first request with the key is still being answered, and publishes once', async () => {
    const key = newKey();
    const release = Promise.withResolvers<undefined>();
    publisher.sns.on(PublishBatchCommand).callsFakeOnce(async (input: PublishBatchCommandInput) => {
      await release.promise;
      return publishesAll('msg-4')(input);
    });
    const firstTry = place(key, exampleOrder);
    await waitFor(() => (publisher.published().length === 1 ? true : undefined), { what: 'the first try to reach SNS' });

    const concurrent = await place(key);
    release.resolve(undefined);

    expect(concurrent).toMatchObject({ status: 409, body: { status: 409, detail: expect.stringContaining('still being answered') } });
    expect((await firstTry).status).toBe(202);
    expect(publisher.published()).toHaveLength(1);
  }, 10_000);

  it('answers 422 when the key is used for another order, and publishes nothing for it', async () => {
    const key = newKey();
    await place(key);

    const reused = await place(key, { ...exampleOrder, currency: 'USD' });

    expect(reused).toMatchObject({ status: 422, body: { status: 422, detail: expect.stringContaining('different order') } });
    expect(publisher.published()).toHaveLength(1);
  });

  it('is a new order once the window has passed', async () => {
    const key = newKey();
    const first = await place(key);
    clock += 60_001;

    const later = await place(key);

    expect(later.status).toBe(202);
    expect(later.body.orderId).not.toBe(first.body.orderId);
  });

  it('belongs to one API key: the same key from another client is another order', async () => {
    const keyed = await startTestPublisher({ apiKeys: ['client-a', 'client-b'] });
    try {
      const headers = { 'content-type': 'application/json', 'idempotency-key': '"shared"' };
      const asA = await (await fetch(`${keyed.url}/orders`, { method: 'POST', headers: { ...headers, 'x-api-key': 'client-a' }, body: JSON.stringify(exampleOrder) })).json() as Record<string, unknown>;
      const asB = await (await fetch(`${keyed.url}/orders`, { method: 'POST', headers: { ...headers, 'x-api-key': 'client-b' }, body: JSON.stringify(exampleOrder) })).json() as Record<string, unknown>;

      expect(asB.orderId).not.toBe(asA.orderId);
    } finally {
      await keyed.close();
    }
  });

  it.each([['""'], ['"unterminated'], [`"${'k'.repeat(256)}"`], ['"tab\there"']])('refuses the malformed key %j with 400 naming the header', async (key) => {
    const answer = await place(key);

    expect(answer).toMatchObject({ status: 400, body: { errors: [{ field: 'Idempotency-Key', message: expect.any(String) }] } });
  });
});
