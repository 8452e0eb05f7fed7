import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { parseOrderAccepted, type OrderAccepted } from '../../contracts/index.ts';

const accepted: OrderAccepted = { orderId: randomUUID(), eventId: randomUUID(), correlationId: 'checkout-42', status: 'accepted' };

describe('parseOrderAccepted', () => {
  it('reads the 202 body of POST /orders', () => {
    expect(parseOrderAccepted(JSON.parse(JSON.stringify(accepted)))).toEqual({ success: true, data: accepted });
  });

  it.each([
    ['an event id that is not a UUID', { ...accepted, eventId: 'e-1' }, /^not an OrderAccepted body: eventId: /],
    ['no order id', { ...accepted, orderId: undefined }, /^not an OrderAccepted body: orderId: /],
    ['another status', { ...accepted, status: 'queued' }, /^not an OrderAccepted body: status: /],
    ['a field the contract does not have', { ...accepted, total: 4748 }, /^not an OrderAccepted body: \(root\): .*total/],
  ])('refuses a body with %s, naming the field', (_case, body, error) => {
    const parsed = parseOrderAccepted(body);

    expect(parsed.success).toBe(false);
    expect(parsed.success ? '' : parsed.error).toMatch(error);
  });

  it('refuses a body that is no object at all', () => {
    expect(parseOrderAccepted(undefined)).toEqual({ success: false, error: expect.stringMatching(/^not an OrderAccepted body: \(root\): /) });
  });
});
