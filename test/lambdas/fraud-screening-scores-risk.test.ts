import './environment.ts';
import { afterAll, describe, expect, it } from '@jest/globals';
import { handler } from '../../lambdas/fraud-screening/handler.ts';
import { scoreRisk } from '../../lambdas/fraud-screening/scoreRisk.ts';
import { Delivery, lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { mockOutcomesQueue, outcomeFor } from './outcomesQueue.ts';

const sqsMock = mockOutcomesQueue();
afterAll(() => {
  sqsMock.restore();
});

const espresso = (quantity: number) => [{ sku: 'SKU-ESPRESSO-MACHINE', quantity, unitPrice: 64900 }];

describe('fraud-screening', () => {
  it('reports the risk of a large order in the outcome detail and processes it', async () => {
    const event = orderPlacedFactory({ customer: { id: 'cus-3' }, items: espresso(2) });
    const record = sqsRecordFactory(event, { delivery: Delivery.envelope });

    const response = await handler(sqsEventFactory([record]), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual([]);
    expect(outcomeFor(sqsMock, record.messageId)).toMatchObject({
      consumer: 'fraud-screening',
      orderId: event.orderId,
      result: 'processed',
      detail: 'risk=high score=65 reasons=total>=100000,no-email',
    });
  });

  it.each([
    ['the example order', orderPlacedFactory(), { level: 'low', score: 0, reasons: [] }],
    ['one espresso machine', orderPlacedFactory({ items: espresso(1) }), { level: 'low', score: 20, reasons: ['total>=50000'] }],
    [
      'a disposable email domain',
      orderPlacedFactory({ customer: { id: 'c', email: 'x@Mailinator.com' }, items: espresso(1) }),
      { level: 'medium', score: 45, reasons: ['total>=50000', 'disposable-email-domain'] },
    ],
    [
      'many units of a large total',
      orderPlacedFactory({ items: espresso(60) }),
      { level: 'high', score: 90, reasons: ['total>=250000', 'units>=50'] },
    ],
  ])('scores %s the same way every time', (_name, event, expected) => {
    expect(scoreRisk(event)).toEqual(expected);
    expect(scoreRisk(event)).toEqual(scoreRisk(structuredClone(event)));
  });
});
