import assert from 'node:assert/strict';
import type { ObservedPipeline } from './observedPipeline.ts';
import type { PlacedOrder } from './types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The publisher gave the order an order id and an event id: two different UUIDs. */
export function expectAccepted(order: PlacedOrder): void {
  assert.match(order.orderId, UUID, 'the order id is not a UUID');
  assert.match(order.eventId, UUID, 'the event id is not a UUID');
  assert.notEqual(order.orderId, order.eventId, 'the order id and the event id are the same');
}

/** Every outcome of the order, from every expected consumer, names the order's own ids. */
export function expectSameIdentifiers(pipeline: Pick<ObservedPipeline, 'outcomes'>, order: PlacedOrder): void {
  const outcomes = pipeline.outcomes.forOrder(order.orderId);
  const wrong = outcomes.filter(
    ({ outcome }) => outcome.eventId !== order.eventId || outcome.correlationId !== order.correlationId,
  );
  assert.deepEqual(
    wrong.map(({ outcome }) => `${outcome.functionName}: event ${outcome.eventId}, correlation ${outcome.correlationId}`),
    [],
    `copies of order ${order.orderId} should carry event ${order.eventId} and correlation id ${order.correlationId}`,
  );
  const reporting = new Set(outcomes.map((o) => o.outcome.functionName));
  const silent = order.expected.filter((c) => !reporting.has(c.functionName)).map((c) => c.functionName);
  assert.deepEqual(silent, [], 'every expected consumer should have reported a copy');
}
