import assert from 'node:assert/strict';
import { OutcomeResult, type OrderRequest } from '../../contracts/index.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import { renderTextTable } from '../../harness/reports/renderTextTable.ts';
import { describeConsumerState } from './diagnostics.ts';
import { describeReasons, GiveUp, givenUp, type GivenUp } from './givenUp.ts';
import type { ObservedPipeline } from './observedPipeline.ts';
import { burstOrder } from './orderFactory.ts';
import { processedBy } from './processing.ts';
import { BURST_TIMEOUT_MS } from './timeouts.ts';
import type { BurstResult, PlacedOrder } from './types.ts';

/** Places `count` orders with at most `concurrency` requests in flight; failures are kept, not thrown. */
export async function placeBurst(placeOrder: (order: OrderRequest) => Promise<PlacedOrder>, count: number, concurrency: number): Promise<BurstResult> {
  const began = performance.now();
  const accepted: PlacedOrder[] = [];
  const failures: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next++;
      try {
        accepted.push(await placeOrder(burstOrder(n)));
      } catch (error) {
        failures.push(`order ${n}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { requested: count, accepted, failures, durationMs: Math.round(performance.now() - began) };
}

/** One consumer's part of a burst: the orders meant for it, and what became of each. */
export interface BurstAccount {
  consumer: DiscoveredConsumer;
  expected: PlacedOrder[];
  processed: number;
  /** Orders it gave up on: dead-lettered, or rejected on their last receive (on their way to its DLQ). */
  gaveUp: Array<{ order: PlacedOrder; given: GivenUp }>;
  missing: PlacedOrder[];
  duplicates: Array<{ order: PlacedOrder; receives: string }>;
}

function account(pipeline: ObservedPipeline, orders: readonly PlacedOrder[], consumer: DiscoveredConsumer): BurstAccount {
  const expected = orders.filter((o) => o.expected.includes(consumer));
  const result: BurstAccount = { consumer, expected, processed: 0, gaveUp: [], missing: [], duplicates: [] };
  for (const order of expected) {
    const processed = pipeline.outcomes
      .forOrder(order.orderId)
      .filter((o) => o.outcome.functionName === consumer.functionName && o.outcome.result === OutcomeResult.processed);
    const given = processed.length > 0 ? undefined : givenUp(pipeline, order.orderId, consumer);
    if (processed.length > 0) result.processed++;
    else if (given) result.gaveUp.push({ order, given });
    else result.missing.push(order);
    if (processed.length > 1) {
      result.duplicates.push({ order, receives: processed.map((o) => `receive ${o.outcome.receiveCount} (message ${o.outcome.messageId.slice(0, 8)})`).join(', ') });
    }
  }
  return result;
}

/**
 * Waits until every consumer has settled every order its subscription accepts (processed it, or given up on
 * it: dead-lettered, or rejected on its last receive), or the burst deadline passed, and returns each
 * consumer's account. A consumer that gives up settles at once, so a consumer that rejects everything does
 * not hold this up for the whole deadline.
 */
export async function settleBurst(pipeline: ObservedPipeline, consumers: readonly DiscoveredConsumer[], orders: readonly PlacedOrder[]): Promise<BurstAccount[]> {
  // Settled stays settled, so each check only walks what is still pending, stopping at the first gap.
  const pending = new Set(consumers.flatMap((consumer) => orders.filter((o) => o.expected.includes(consumer)).map((order) => ({ order, consumer }))));
  const settled = ({ order, consumer }: { order: PlacedOrder; consumer: DiscoveredConsumer }): boolean =>
    processedBy(pipeline, order.orderId, consumer) || givenUp(pipeline, order.orderId, consumer) !== undefined;
  const complete = (): true | undefined => {
    for (const pair of pending) {
      if (!settled(pair)) return undefined;
      pending.delete(pair);
    }
    return true;
  };
  await pipeline.until(complete, { timeoutMs: BURST_TIMEOUT_MS });
  return consumers.map((c) => account(pipeline, orders, c));
}

/** The report's tally per consumer of a settled burst. */
export function burstTally(accounts: readonly BurstAccount[]): string {
  return renderTextTable(
    ['consumer', 'orders its filter accepts', 'processed', 'dead-lettered', 'missing', 'duplicated'],
    accounts.map((a) => [a.consumer.functionName, String(a.expected.length), String(a.processed), String(a.gaveUp.length), String(a.missing.length), String(a.duplicates.length)]),
  );
}

/** "Nothing lost": after {@link settleBurst}, fails naming what each consumer is still missing. */
export async function expectNothingLost(pipeline: ObservedPipeline, accounts: readonly BurstAccount[]): Promise<void> {
  const short = accounts.filter((a) => a.missing.length > 0);
  if (short.length === 0) return;
  const details = await Promise.all(short.map(async (a) => {
    const first = a.missing[0];
    const sample = a.missing.slice(0, 10).map((o) => `${o.orderId} (${o.request.customer.id})`).join(', ');
    return `${a.consumer.functionName} is missing ${a.missing.length} of ${a.expected.length} orders after ${BURST_TIMEOUT_MS} ms, e.g. ${sample}\n${first ? await describeConsumerState(pipeline, a.consumer, first) : ''}`;
  }));
  assert.fail(`orders were lost in the burst:\n${details.join('\n')}`);
}

/**
 * The burst's orders are all good, so every consumer must process each order its subscription accepts: one
 * that dead-lettered (or is about to dead-letter) any of them fails, named with how many and its rejection
 * reasons, and the order's invocations for the first of them. Runs after {@link expectNothingLost}.
 */
export async function expectBurstProcessed(pipeline: ObservedPipeline, consumers: readonly DiscoveredConsumer[], orders: readonly PlacedOrder[]): Promise<void> {
  const failing = consumers.map((c) => account(pipeline, orders, c)).filter((a) => a.gaveUp.length > 0 || a.missing.length > 0);
  if (failing.length === 0) return;
  const details = await Promise.all(failing.map(async (a) => {
    const dead = a.gaveUp.filter((g) => g.given.how === GiveUp.deadLettered).length;
    const last = a.gaveUp.length - dead;
    const rejections = a.gaveUp.flatMap((g) => g.given.rejections);
    const first = a.gaveUp[0]?.order ?? a.missing[0];
    return [
      `${a.consumer.functionName} did not process ${a.gaveUp.length + a.missing.length} of the ${a.expected.length} orders its subscription accepts: ` +
        `${dead} dead-lettered, ${last} rejected on their last receive, ${a.missing.length} missing`,
      `  its rejection reasons: ${describeReasons(rejections)}`,
      ...(first ? [`  the first of them, ${first.orderId} (${first.request.customer.id}):`, await describeConsumerState(pipeline, a.consumer, first)] : []),
    ].join('\n');
  }));
  assert.fail(`good orders of the burst were not processed by every consumer meant for them:\n${details.join('\n')}`);
}

/** The orders whose journey a burst shows: the first one a consumer gave up on, if any, then the first ones placed. */
export function burstOrdersToTrace(pipeline: ObservedPipeline, orders: readonly PlacedOrder[], count: number): PlacedOrder[] {
  const failed = orders.find((order) => order.expected.some((c) => givenUp(pipeline, order.orderId, c) !== undefined));
  return [...new Set([...(failed ? [failed] : []), ...orders])].slice(0, count);
}

/**
 * Every duplicate delivery, for the report. SQS delivers at least once, so a duplicate is allowed: this
 * documents them and checks nothing.
 */
export function duplicateDeliveries(pipeline: ObservedPipeline, consumers: readonly DiscoveredConsumer[], orders: readonly PlacedOrder[]): { count: number; text: string } {
  const rows = consumers.flatMap((c) => account(pipeline, orders, c).duplicates.map((d) => [c.functionName, d.order.orderId, d.order.request.customer.id, d.receives]));
  const text = rows.length === 0 ? 'No order was processed more than once by any consumer.' : renderTextTable(['consumer', 'order', 'customer', 'processed on'], rows);
  return { count: rows.length, text };
}
