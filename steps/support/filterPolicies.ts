import assert from 'node:assert/strict';
import type { OrderRequest } from '../../contracts/index.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { ObservedPipeline } from './observedPipeline.ts';
import { orderTotalling } from './orderFactory.ts';
import { outcomesOf } from './outcomesOf.ts';
import { awaitProcessing } from './processing.ts';
import { OUTCOME_TIMEOUT_MS, QUIET_WINDOW_MS } from './timeouts.ts';
import type { PlacedOrder } from './types.ts';

/** The consumers SNS hands an order to, by the live filter policies (the World's `expectedConsumersFor`). */
export type ExpectedConsumersFor = (order: OrderRequest, correlationId: string) => readonly DiscoveredConsumer[];

/** The consumer's live filter policy lets orders through from `thresholdMinor` up, and not below. */
export function expectThreshold(expectedConsumersFor: ExpectedConsumersFor, consumer: DiscoveredConsumer, thresholdMinor: number): void {
  const accepts = (total: number): boolean => expectedConsumersFor(orderTotalling(total), 'threshold-check').includes(consumer);
  const policy = JSON.stringify(consumer.filterPolicy);
  assert.equal(accepts(thresholdMinor), true, `${consumer.functionName}'s filter policy ${policy} should accept an order of ${thresholdMinor} minor units`);
  assert.equal(accepts(thresholdMinor - 1), false, `${consumer.functionName}'s filter policy ${policy} should refuse an order of ${thresholdMinor - 1} minor units`);
}

/** The consumer's filter policy refuses the order, so it is not among the consumers meant to see it. */
export function expectNotMeantFor(order: PlacedOrder, consumer: DiscoveredConsumer): void {
  assert.ok(!order.expected.includes(consumer), `${consumer.functionName}'s filter policy accepts order ${order.orderId}, so it is meant to see it`);
}

/**
 * Once every consumer meant for the order has processed it, a quiet window passes without an outcome or a
 * dead letter of it from the consumer.
 */
export async function expectNeverSeen(pipeline: ObservedPipeline, order: PlacedOrder, consumer: DiscoveredConsumer): Promise<void> {
  await awaitProcessing(pipeline, order, { consumers: order.expected, timeoutMs: OUTCOME_TIMEOUT_MS });
  const heard = (): string | undefined => {
    if (outcomesOf(pipeline, order, consumer).length > 0) return 'reported an outcome';
    return pipeline.deadLetters.forOrder(order.orderId).some((l) => l.functionName === consumer.functionName) ? 'dead-lettered it' : undefined;
  };
  const seen = await pipeline.until(heard, { timeoutMs: QUIET_WINDOW_MS });
  assert.equal(seen, undefined, `${consumer.functionName} ${seen ?? ''} for order ${order.orderId}, which its filter policy should have kept from it`);
}
