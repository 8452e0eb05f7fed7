import './environment.ts';
import { afterAll, describe, expect, it } from '@jest/globals';
import { handler } from '../../lambdas/order-processor/handler.ts';
import { lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { mockOutcomesQueue, outcomeFor } from './outcomesQueue.ts';

const sqsMock = mockOutcomesQueue();
afterAll(() => {
  sqsMock.restore();
});

describe('order-processor with a unit price that differs from the catalog', () => {
  it('processes the order at the charged price and notes the drift in the detail', async () => {
    const event = orderPlacedFactory({
      items: [
        { sku: 'SKU-COFFEE-1KG', quantity: 2, unitPrice: 1899 },
        { sku: 'SKU-MUG-WHITE', quantity: 1, unitPrice: 900 },
      ],
    });
    const record = sqsRecordFactory(event);

    const response = await handler(sqsEventFactory([record]), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual([]);
    expect(outcomeFor(sqsMock, record.messageId)).toMatchObject({
      result: 'processed',
      detail: 'priced 2 lines, 3 units, total 4698 EUR; price drift: SKU-MUG-WHITE ordered at 900, catalog 950 (catalog total 4748 EUR)',
    });
  });
});
