import './environment.ts';
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { handler } from '../../lambdas/user-notification/handler.ts';
import { Delivery, lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { mockOutcomesQueue, outcomeFor } from './outcomesQueue.ts';

const sqsMock = mockOutcomesQueue();
beforeEach(() => {
  sqsMock.resetHistory();
});
afterAll(() => {
  sqsMock.restore();
});

describe('user-notification', () => {
  it.each([Delivery.raw, Delivery.envelope])('renders the confirmation of a %s record and reports it processed', async (delivery) => {
    const event = orderPlacedFactory();
    const record = sqsRecordFactory(event, { delivery, correlationId: 'corr-7' });

    const response = await handler(sqsEventFactory([record]), lambdaContextFactory('fanout-user-notification'));

    expect(response.batchItemFailures).toEqual([]);
    expect(outcomeFor(sqsMock, record.messageId)).toMatchObject({
      consumer: 'user-notification',
      functionName: 'fanout-user-notification',
      orderId: event.orderId,
      correlationId: 'corr-7',
      result: 'processed',
      detail: expect.stringMatching(/^confirmation for customer cus-1001 by email; 2 lines; total €47\.48; sha256:[0-9a-f]{16}$/),
    });
  });

  it('processes an order without an email and says the confirmation was not sent', async () => {
    const record = sqsRecordFactory(orderPlacedFactory({ customer: { id: 'cus-2002' } }));

    const response = await handler(sqsEventFactory([record]), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual([]);
    expect(outcomeFor(sqsMock, record.messageId)).toMatchObject({
      result: 'processed',
      detail: expect.stringMatching(/^no customer email: confirmation for customer cus-2002 rendered, not sent; /),
    });
  });
});
