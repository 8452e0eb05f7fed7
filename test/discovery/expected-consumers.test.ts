import { describe, expect, it } from '@jest/globals';
import { UnsupportedFilterPolicyError } from '../../harness/discovery/errors.ts';
import { expectedConsumers } from '../../harness/discovery/expectedConsumers.ts';
import type { MessageAttributes } from '../../harness/discovery/types.ts';
import { discoveredConsumers } from '../reports/fixtures/discoveredTopology.ts';

const order = (total: number): MessageAttributes => ({
  eventType: { DataType: 'String', StringValue: 'OrderPlaced' },
  orderTotal: { DataType: 'Number', StringValue: String(total) },
  currency: { DataType: 'String', StringValue: 'EUR' },
});

describe('expectedConsumers', () => {
  it('keeps consumers without a filter and those whose filter matches', () => {
    const names = (total: number): string[] => expectedConsumers(discoveredConsumers, order(total)).map((c) => c.functionName);

    expect(names(49999)).toEqual(['fanout-order-processor', 'fanout-user-notification']);
    expect(names(50000)).toEqual(['fanout-fraud-screening', 'fanout-order-processor', 'fanout-user-notification']);
  });

  it('refuses to guess for a body-scoped policy', () => {
    const [first] = discoveredConsumers;
    if (!first) throw new Error('fixture has no consumer');
    const bodyScoped = { ...first, filterPolicy: { customer: { id: ['c-1'] } }, filterPolicyScope: 'MessageBody' as const };

    expect(() => expectedConsumers([bodyScoped], order(1))).toThrow(UnsupportedFilterPolicyError);
  });
});
