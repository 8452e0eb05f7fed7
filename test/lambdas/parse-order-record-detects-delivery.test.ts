import { describe, expect, it } from '@jest/globals';
import { parseOrderRecord } from '../../lambdas/shared/parseOrderRecord.ts';
import { Delivery, orderPlacedFactory, sqsRecordFactory } from './factories.ts';

describe('parseOrderRecord', () => {
  it.each([Delivery.raw, Delivery.envelope])('reads the event and correlation id of a %s record', (delivery) => {
    const event = orderPlacedFactory();

    const parsed = parseOrderRecord(sqsRecordFactory(event, { delivery, correlationId: 'corr-42' }));

    expect(parsed).toEqual({ event, correlationId: 'corr-42', delivery });
  });

  it.each([Delivery.raw, Delivery.envelope])('gives a null correlation id when a %s record carries none', (delivery) => {
    const parsed = parseOrderRecord(sqsRecordFactory(orderPlacedFactory(), { delivery, correlationId: null }));

    expect(parsed.correlationId).toBeNull();
  });
});
