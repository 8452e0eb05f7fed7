import './environment.ts';
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Delivery, lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { consumerHandlers } from './handlers.ts';
import { batchCalls, mockOutcomesQueue, sentOutcomes } from './outcomesQueue.ts';

const sqsMock = mockOutcomesQueue();
beforeEach(() => {
  sqsMock.resetHistory();
});
afterAll(() => {
  sqsMock.restore();
});

describe.each(consumerHandlers)('%s with a mixed batch', (consumer, handler) => {
  it('names exactly the bad records in batchItemFailures and reports an outcome for every record', async () => {
    // Prepare
    const good = [
      sqsRecordFactory(orderPlacedFactory(), { delivery: Delivery.raw }),
      sqsRecordFactory(orderPlacedFactory(), { delivery: Delivery.envelope }),
      sqsRecordFactory(orderPlacedFactory({ items: [{ sku: 'SKU-ESPRESSO-MACHINE', quantity: 1, unitPrice: 64900 }] })),
    ];
    const bad = [
      sqsRecordFactory('not json', { delivery: Delivery.envelope }),
      sqsRecordFactory({ ...orderPlacedFactory(), total: 1 }),
    ];
    const records = [good[0], bad[0], good[1], bad[1], good[2]].filter((record) => record !== undefined);

    // Act
    const response = await handler(sqsEventFactory(records), lambdaContextFactory());

    // Assess
    expect(response.batchItemFailures).toEqual(bad.map((record) => ({ itemIdentifier: record.messageId })));
    const results = Object.fromEntries(sentOutcomes(sqsMock).map((outcome) => [outcome.messageId, outcome.result]));
    expect(results).toEqual(Object.fromEntries(records.map((record) => [record.messageId, bad.includes(record) ? 'rejected' : 'processed'])));
    expect(sentOutcomes(sqsMock).every((outcome) => outcome.consumer === consumer)).toBe(true);
    expect(batchCalls(sqsMock).map((entries) => entries.length)).toEqual([records.length]);
  });

  it('reports every record of a batch in which all records fail, without failing the invocation', async () => {
    const records = [sqsRecordFactory('x'), sqsRecordFactory('y')];

    const response = await handler(sqsEventFactory(records), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual(records.map((record) => ({ itemIdentifier: record.messageId })));
    expect(sentOutcomes(sqsMock).map((outcome) => outcome.result)).toEqual(['rejected', 'rejected']);
  });
});
