import assert from 'node:assert/strict';
import { OutcomeResult } from '../../contracts/index.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import { renderTextTable } from '../../harness/reports/renderTextTable.ts';
import { describeConsumerState } from './diagnostics.ts';
import type { FanoutWorld, PlacedOrder } from './FanoutWorld.ts';
import { burstOrder } from './orderFactory.ts';
import { BURST_TIMEOUT_MS } from './timeouts.ts';

export interface BurstResult {
  requested: number;
  accepted: PlacedOrder[];
  failures: string[];
  durationMs: number;
}

/** Places `count` orders with at most `concurrency` requests in flight; failures are kept, not thrown. */
export async function placeBurst(world: FanoutWorld, count: number, concurrency: number): Promise<BurstResult> {
  const began = performance.now();
  const accepted: PlacedOrder[] = [];
  const failures: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next++;
      try {
        accepted.push(await world.placeOrder(burstOrder(n)));
      } catch (error) {
        failures.push(`order ${n}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { requested: count, accepted, failures, durationMs: Math.round(performance.now() - began) };
}

interface Account {
  consumer: DiscoveredConsumer;
  expected: PlacedOrder[];
  missing: PlacedOrder[];
  processed: number;
  deadLettered: number;
  duplicates: Array<{ order: PlacedOrder; receives: string }>;
}

function account(world: FanoutWorld, orders: readonly PlacedOrder[], consumer: DiscoveredConsumer): Account {
  const expected = orders.filter((o) => o.expected.includes(consumer));
  const result: Account = { consumer, expected, missing: [], processed: 0, deadLettered: 0, duplicates: [] };
  for (const order of expected) {
    const outcomes = world.outcomesOf(order, consumer);
    const processed = outcomes.filter((o) => o.outcome.result === OutcomeResult.processed);
    const dead = world.suite.deadLetters.forOrder(order.orderId).some((l) => l.functionName === consumer.functionName);
    if (processed.length > 0) result.processed++;
    else if (dead) result.deadLettered++;
    else result.missing.push(order);
    if (processed.length > 1) {
      result.duplicates.push({ order, receives: processed.map((o) => `receive ${o.outcome.receiveCount} (message ${o.outcome.messageId.slice(0, 8)})`).join(', ') });
    }
  }
  return result;
}

/**
 * Waits until every consumer accounts for every order its subscription accepts (processed, or on its
 * DLQ), attaches the per-consumer tally, and fails naming what is missing.
 */
export async function accountForBurst(world: FanoutWorld, orders: readonly PlacedOrder[]): Promise<void> {
  // Accounted stays accounted, so each check only walks what is still pending, stopping at the first gap.
  const pending = new Set(world.consumers.flatMap((consumer) => orders.filter((o) => o.expected.includes(consumer)).map((order) => ({ order, consumer }))));
  const accounted = ({ order, consumer }: { order: PlacedOrder; consumer: DiscoveredConsumer }): boolean =>
    world.outcomesOf(order, consumer).some((o) => o.outcome.result === OutcomeResult.processed) ||
    world.suite.deadLetters.forOrder(order.orderId).some((l) => l.functionName === consumer.functionName);
  const complete = (): true | undefined => {
    for (const pair of pending) {
      if (!accounted(pair)) return undefined;
      pending.delete(pair);
    }
    return true;
  };
  await world.suite.until(complete, { timeoutMs: BURST_TIMEOUT_MS });
  const settled = world.consumers.map((c) => account(world, orders, c));
  world.attach(
    renderTextTable(
      ['consumer', 'orders its filter accepts', 'processed', 'dead-lettered', 'missing', 'duplicated'],
      settled.map((a) => [a.consumer.functionName, String(a.expected.length), String(a.processed), String(a.deadLettered), String(a.missing.length), String(a.duplicates.length)]),
    ),
    { mediaType: 'text/plain', fileName: `Burst of ${orders.length} orders: tally per consumer` },
  );
  const short = settled.filter((a) => a.missing.length > 0);
  if (short.length === 0) return;
  const details = await Promise.all(short.map(async (a) => {
    const first = a.missing[0];
    const sample = a.missing.slice(0, 10).map((o) => `${o.orderId} (${o.request.customer.id})`).join(', ');
    return `${a.consumer.functionName} is missing ${a.missing.length} of ${a.expected.length} orders after ${BURST_TIMEOUT_MS} ms, e.g. ${sample}\n${first ? await describeConsumerState(world.suite, a.consumer, first) : ''}`;
  }));
  assert.fail(`orders were lost in the burst:\n${details.join('\n')}`);
}

/**
 * Attaches every duplicate delivery to the report. SQS delivers at least once, so a duplicate is
 * allowed: this documents them and checks nothing.
 */
export function attachDuplicates(world: FanoutWorld, orders: readonly PlacedOrder[]): number {
  const rows = world.consumers.flatMap((c) => account(world, orders, c).duplicates.map((d) => [c.functionName, d.order.orderId, d.order.request.customer.id, d.receives]));
  const text = rows.length === 0 ? 'No order was processed more than once by any consumer.' : renderTextTable(['consumer', 'order', 'customer', 'processed on'], rows);
  world.attach(text, { mediaType: 'text/plain', fileName: `Duplicate deliveries (${rows.length})` });
  world.log(`${rows.length} duplicate deliveries across ${orders.length} orders`);
  return rows.length;
}
