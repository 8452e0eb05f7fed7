import './environment.ts';
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Delivery, lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { consumerHandlers } from './handlers.ts';
import { mockOutcomesQueue, outcomeFor } from './outcomesQueue.ts';

const sqsMock = mockOutcomesQueue();
beforeEach(() => {
  sqsMock.resetHistory();
});
afterAll(() => {
  sqsMock.restore();
});

const valid = orderPlacedFactory();
const violations: [name: string, body: unknown, reason: RegExp][] = [
  ['a malformed JSON body', '{"eventType":"OrderPlaced",', /^(SQS body|SNS Message) is not JSON: /],
  ['a total that is not the sum of the items', { ...valid, total: valid.total + 1 }, /total: total is not the sum of the items/],
  ['a missing customer', { ...valid, customer: undefined }, /customer: /],
  ['an item of quantity 0', { ...valid, items: [{ sku: 'SKU-MUG-WHITE', quantity: 0, unitPrice: 950 }], total: 0 }, /items\.0\.quantity: /],
];

describe.each(consumerHandlers)('%s with a record that breaks the OrderPlaced contract', (consumer, handler) => {
  it.each(violations)('fails the record and reports it rejected: %s', async (_name, body, reason) => {
    for (const delivery of [Delivery.raw, Delivery.envelope]) {
      const record = sqsRecordFactory(body, { delivery, correlationId: `corr-${delivery}` });

      const response = await handler(sqsEventFactory([record]), lambdaContextFactory());

      expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
      const outcome = outcomeFor(sqsMock, record.messageId);
      expect(outcome).toMatchObject({ consumer, result: 'rejected', correlationId: `corr-${delivery}`, receiveCount: 1 });
      expect(outcome.detail).toMatch(reason);
      // An event that parses as JSON keeps its order id, so the specs can match the rejection to the order.
      expect(outcome.orderId).toBe(typeof body === 'string' ? null : valid.orderId);
    }
  });
});
