import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exampleOrder } from '../../contracts/index.ts';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

interface ProblemBody {
  type: string;
  status: number;
  errors: { field: string; message: string }[];
}

describe('an invalid order', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  it('is refused with 400 naming every invalid field, and nothing is published', async () => {
    const order = {
      customer: { id: '' },
      currency: 'EURO',
      items: [{ ...exampleOrder.items[0], quantity: 0 }],
    };

    const response = await postOrder(publisher.url, order);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as ProblemBody;
    expect(problem).toMatchObject({ status: 400, title: 'Invalid order', instance: '/orders' });
    // One entry per wrong field: "EURO" breaks the format, and is not also reported as "not an ISO code".
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['currency', 'customer.id', 'items.0.quantity']);
    expect(problem.errors.find((error) => error.field === 'currency')?.message).toBe('an ISO 4217 code of three capital letters, e.g. EUR');
    for (const error of problem.errors) expect(error.message).not.toBe('');
    expect(publisher.published()).toEqual([]);
  });

  it.each([
    ['EURO', 'an ISO 4217 code of three capital letters, e.g. EUR'],
    ['eur', 'an ISO 4217 code of three capital letters, e.g. EUR'],
    ['XYZ', 'three capital letters, but not an ISO 4217 currency code'],
  ])('with currency %j gets one message for it: %s', async (currency, message) => {
    const response = await postOrder(publisher.url, { ...exampleOrder, currency });

    expect(response.status).toBe(400);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.errors).toEqual([{ field: 'currency', message }]);
  });

  it('names unknown fields, at any depth (the schema is strict)', async () => {
    const order = { ...exampleOrder, coupon: 'FREE', customer: { ...exampleOrder.customer, vip: true } };

    const response = await postOrder(publisher.url, order);

    expect(response.status).toBe(400);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['coupon', 'customer.vip']);
    expect(publisher.published()).toEqual([]);
  });

  it('names the body when it is not an object', async () => {
    const response = await postOrder(publisher.url, []);

    expect(response.status).toBe(400);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.errors.map((error) => error.field)).toEqual(['body']);
  });
});
