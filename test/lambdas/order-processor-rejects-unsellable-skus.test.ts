import './environment.ts';
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { handler } from '../../lambdas/order-processor/handler.ts';
import { Delivery, lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { mockOutcomesQueue, outcomeFor } from './outcomesQueue.ts';

const sqsMock = mockOutcomesQueue();
beforeEach(() => {
  sqsMock.resetHistory();
});
afterAll(() => {
  sqsMock.restore();
});

describe('order-processor with an item the catalog cannot sell', () => {
  it.each([
    ['an unknown SKU', { currency: 'EUR', items: [{ sku: 'SKU-NOT-A-THING', quantity: 1, unitPrice: 100 }] }, 'Unknown SKU: SKU-NOT-A-THING'],
    ['a discontinued SKU', { currency: 'EUR', items: [{ sku: 'SKU-DISCONTINUED-LAMP', quantity: 1, unitPrice: 2999 }] }, 'Discontinued SKU: SKU-DISCONTINUED-LAMP'],
    ['another discontinued SKU', { currency: 'EUR', items: [{ sku: 'SKU-VINYL-RARE', quantity: 1, unitPrice: 15000 }] }, 'Discontinued SKU: SKU-VINYL-RARE'],
    ['a currency the SKU is not sold in', { currency: 'USD', items: [{ sku: 'SKU-GIFT-CARD-50', quantity: 1, unitPrice: 5000 }] }, 'SKU not priced in USD: SKU-GIFT-CARD-50'],
  ])('rejects %s and fails the record', async (_name, order, reason) => {
    const event = orderPlacedFactory(order);
    const record = sqsRecordFactory(event, { delivery: Delivery.envelope });

    const response = await handler(sqsEventFactory([record]), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
    expect(outcomeFor(sqsMock, record.messageId)).toMatchObject({ result: 'rejected', detail: reason, orderId: event.orderId, eventId: event.eventId });
  });
});
