import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exampleOrder, OrderPlacedSchema } from '../../contracts/index.ts';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

interface ProblemBody {
  status: number;
  title: string;
  errors: { field: string; message: string }[];
}

/**
 * The publisher checks the event it builds with the schema every consumer parses it with
 * (contracts/orderPlaced.ts), so an order it accepts is one no consumer rejects.
 */
describe('an order whose event the consumers would reject', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  it('is refused with 400 naming the total when it passes Number.MAX_SAFE_INTEGER, and nothing is published', async () => {
    const order = { ...exampleOrder, items: [{ sku: 'SKU-COFFEE-1KG', quantity: 2, unitPrice: Number.MAX_SAFE_INTEGER }] };

    const response = await postOrder(publisher.url, order);

    expect(response.status).toBe(400);
    const problem = (await response.json()) as ProblemBody;
    expect(problem).toMatchObject({ status: 400, title: 'Invalid order' });
    expect(problem.errors).toEqual([{ field: 'total', message: expect.stringContaining(String(Number.MAX_SAFE_INTEGER)) }]);
    expect(publisher.published()).toEqual([]);
  });

  it('is accepted right up to the limit, and the consumers parse what was published', async () => {
    const order = { ...exampleOrder, items: [{ sku: 'SKU-COFFEE-1KG', quantity: 1, unitPrice: Number.MAX_SAFE_INTEGER }] };

    const response = await postOrder(publisher.url, order);

    expect(response.status).toBe(202);
    const published = publisher.published().at(-1);
    expect(OrderPlacedSchema.safeParse(JSON.parse(published?.Message ?? '')).success).toBe(true);
  });
});
