import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotFoundException, PublishBatchCommand } from '@aws-sdk/client-sns';
import { exampleOrder, OrderAcceptedSchema } from '../../contracts/index.ts';
import { ProblemSchema } from '../../services/publisher/src/problem.ts';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

interface MediaType {
  example?: Record<string, unknown>;
}
type Responses = Record<string, { content: Record<string, MediaType> }>;

const API_KEY = 'examples-test-key';
const withoutCorrelationId = ({ correlationId: _id, ...rest }: Record<string, unknown>) => rest;

describe('the examples of POST /orders in the OpenAPI document', () => {
  let publisher: TestPublisher;
  let responses: Responses;
  const exampleOf = (status: string): Record<string, unknown> => {
    const content = responses[status]?.content ?? {};
    const example = (content['application/problem+json'] ?? content['application/json'])?.example;
    expect(example).toBeDefined();
    return example ?? {};
  };

  beforeAll(async () => {
    publisher = await startTestPublisher({ apiKeys: [API_KEY] });
    const document = (await (await fetch(`${publisher.url}/openapi.json`)).json()) as { paths: Record<string, { post: { responses: Responses } }> };
    responses = document.paths['/orders']?.post.responses ?? {};
  });
  afterAll(() => publisher.close());

  it('give every answer an example of its own, with its status (not the 400 under every code)', () => {
    for (const status of ['400', '401', '409', '413', '415', '422', '503']) {
      const example = exampleOf(status);
      expect(ProblemSchema.safeParse(example).success).toBe(true);
      expect(example.status).toBe(Number(status));
    }
    const details = ['400', '401', '409', '413', '415', '422', '503'].map((status) => exampleOf(status).detail);
    expect(new Set(details).size).toBe(details.length);
  });

  it('show a 202 whose order id and event id differ', () => {
    const accepted = OrderAcceptedSchema.parse(exampleOf('202'));
    expect(accepted.orderId).not.toBe(accepted.eventId);
  });

  // What the publisher really answers, as its README and services/publisher/README.md describe it.
  it.each([
    ['400', () => postOrder(publisher.url, { ...exampleOrder, currency: 'EURO', items: [{ ...exampleOrder.items[0], quantity: 0 }] }, { 'x-api-key': API_KEY })],
    ['401', () => postOrder(publisher.url)],
    ['413', () => postOrder(publisher.url, JSON.stringify({ ...exampleOrder, padding: 'x'.repeat(70_000) }), { 'x-api-key': API_KEY })],
    ['415', () => fetch(`${publisher.url}/orders`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': API_KEY }, body: 'customer=cus-1001' })],
    ['422', async () => {
      const headers = { 'x-api-key': API_KEY, 'idempotency-key': '"examples-422"' };
      await postOrder(publisher.url, exampleOrder, headers);
      return postOrder(publisher.url, { ...exampleOrder, currency: 'USD' }, headers);
    }],
    ['503', () => {
      publisher.sns.on(PublishBatchCommand).rejects(new NotFoundException({ message: 'Topic does not exist', $metadata: { httpStatusCode: 404 } }));
      return postOrder(publisher.url, exampleOrder, { 'x-api-key': API_KEY });
    }],
  ])('the %s example is what the publisher answers for it, but for the correlation id', async (status, send) => {
    const response = await send();

    expect(response.status).toBe(Number(status));
    expect(withoutCorrelationId((await response.json()) as Record<string, unknown>)).toEqual(withoutCorrelationId(exampleOf(status)));
  });
});
