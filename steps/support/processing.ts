import assert from 'node:assert/strict';
import { OutcomeResult } from '../../contracts/index.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import { describeCollectorHealth, describeConsumerState } from './diagnostics.ts';
import type { PlacedOrder } from './types.ts';
import { givenUp, type GivenUp } from './givenUp.ts';
import type { ObservedPipeline } from './observedPipeline.ts';

export type OrderRef = Pick<PlacedOrder, 'orderId' | 'correlationId' | 'request'>;

export interface AwaitProcessingOptions {
  consumers: readonly DiscoveredConsumer[];
  timeoutMs: number;
}

/** Whether the consumer reported the order as processed. */
export function processedBy(pipeline: Pick<ObservedPipeline, 'outcomes'>, orderId: string, consumer: DiscoveredConsumer): boolean {
  return pipeline.outcomes.forOrder(orderId).some((o) => o.outcome.functionName === consumer.functionName && o.outcome.result === OutcomeResult.processed);
}

interface Settled {
  missing: DiscoveredConsumer[];
  gaveUp: GivenUp[];
}

/**
 * Waits until each consumer reported the order as processed. A consumer that has given up on its copy (on
 * its DLQ, or rejected on its last allowed receive) will never process it, so the wait fails at once with
 * what that consumer said, instead of waiting out the deadline; at the deadline it fails naming every
 * consumer still missing. Either failure shows only this order's invocations of those consumers.
 */
export async function awaitProcessing(pipeline: ObservedPipeline, order: OrderRef, options: AwaitProcessingOptions): Promise<void> {
  const began = Date.now();
  const settled = (): Settled | undefined => {
    const missing = options.consumers.filter((c) => !processedBy(pipeline, order.orderId, c));
    const gaveUp = missing.flatMap((c) => givenUp(pipeline, order.orderId, c) ?? []);
    return missing.length === 0 || gaveUp.length > 0 ? { missing, gaveUp } : undefined;
  };
  const state = await pipeline.until(settled, { timeoutMs: options.timeoutMs });
  if (state?.missing.length === 0) return;
  if (state) assert.fail(await describeGivenUp(pipeline, order, state, { afterMs: Date.now() - began, timeoutMs: options.timeoutMs }));
  const missing = options.consumers.filter((c) => !processedBy(pipeline, order.orderId, c));
  assert.fail(await describeMissing(pipeline, order, missing, `within ${options.timeoutMs} ms`));
}

function orderLabel(order: OrderRef): string {
  return `order ${order.orderId} of ${order.request.customer.id} (correlation id ${order.correlationId})`;
}

async function describeGivenUp(pipeline: ObservedPipeline, order: OrderRef, state: Settled, { afterMs, timeoutMs }: { afterMs: number; timeoutMs: number }): Promise<string> {
  const names = state.gaveUp.map((g) => `${g.consumer.functionName} (${g.how})`).join(', ');
  const stillWaiting = state.missing.filter((c) => !state.gaveUp.some((g) => g.consumer === c)).map((c) => c.functionName);
  const states = await Promise.all(state.gaveUp.map((g) => describeConsumerState(pipeline, g.consumer, order)));
  return [
    `${state.gaveUp.length} consumer(s) gave up on ${orderLabel(order)} and will never process it: ${names}; found ${afterMs} ms into a wait of up to ${timeoutMs} ms`,
    ...(stillWaiting.length > 0 ? [`not processed yet either: ${stillWaiting.join(', ')}`] : []),
    ...states,
  ].join('\n');
}

/** A failure message: which consumers did not process which order, and what they did instead. */
export async function describeMissing(pipeline: ObservedPipeline, order: OrderRef, missing: readonly DiscoveredConsumer[], when: string): Promise<string> {
  const states = await Promise.all(missing.map((c) => describeConsumerState(pipeline, c, order)));
  const health = describeCollectorHealth(pipeline);
  return [
    `${missing.length} consumer(s) did not process ${orderLabel(order)} ${when}: ${missing.map((c) => c.functionName).join(', ')}`,
    ...states,
    ...(health ? [health] : []),
  ].join('\n');
}
