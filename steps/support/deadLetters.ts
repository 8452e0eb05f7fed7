import assert from 'node:assert/strict';
import { OutcomeResult } from '../../contracts/index.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { DeadLetter } from '../../harness/reports/DeadLetterCollector.ts';
import { describeConsumerState } from './diagnostics.ts';
import type { FanoutWorld, PlacedOrder } from './FanoutWorld.ts';
import { deadLetterTimeoutMs } from './timeouts.ts';

type OrderRef = Pick<PlacedOrder, 'orderId' | 'correlationId'>;

function maxReceiveCountOf(consumer: DiscoveredConsumer): number {
  assert.ok(consumer.maxReceiveCount !== null && consumer.dlqUrl !== null, `${consumer.functionName}'s queue has no redrive policy, so nothing can be dead-lettered`);
  return consumer.maxReceiveCount;
}

/** The receive counts on which the consumer rejected the order so far, ascending. */
function rejectedReceives(world: FanoutWorld, order: OrderRef, consumer: DiscoveredConsumer): number[] {
  return world
    .outcomesOf(order, consumer)
    .filter((o) => o.outcome.result === OutcomeResult.rejected)
    .map((o) => o.outcome.receiveCount)
    .sort((a, b) => a - b);
}

/** Waits until the consumer has rejected the order on receives 1..maxReceiveCount (as discovered). */
export async function waitForRejections(world: FanoutWorld, order: OrderRef, consumer: DiscoveredConsumer): Promise<void> {
  const max = maxReceiveCountOf(consumer);
  const timeoutMs = deadLetterTimeoutMs(consumer);
  const expected = Array.from({ length: max }, (_, i) => i + 1);
  const allSeen = (): true | undefined => (expected.every((n) => rejectedReceives(world, order, consumer).includes(n)) ? true : undefined);
  if (await world.suite.outcomes.until(allSeen, { timeoutMs })) return;
  assert.fail(
    `${consumer.functionName} did not reject order ${order.orderId} on receives ${expected.join(', ')} within ${timeoutMs} ms; ` +
      `rejected on: ${rejectedReceives(world, order, consumer).join(', ') || 'none'}\n${await describeConsumerState(world.suite, consumer, order)}`,
  );
}

/**
 * Waits for the order on the consumer's DLQ, then checks it was received exactly maxReceiveCount
 * times: not once more after SQS gave up, and not dead-lettered early.
 */
export async function waitForDeadLetter(world: FanoutWorld, order: OrderRef, consumer: DiscoveredConsumer): Promise<DeadLetter> {
  const max = maxReceiveCountOf(consumer);
  const timeoutMs = deadLetterTimeoutMs(consumer);
  const find = (): DeadLetter | undefined => world.suite.deadLetters.forOrder(order.orderId).find((l) => l.functionName === consumer.functionName);
  const letter = await world.suite.deadLetters.until(find, { timeoutMs });
  if (!letter) assert.fail(`order ${order.orderId} did not reach ${consumer.functionName}'s dead-letter queue within ${timeoutMs} ms\n${await describeConsumerState(world.suite, consumer, order)}`);
  const receives = rejectedReceives(world, order, consumer);
  assert.deepEqual(
    receives,
    Array.from({ length: max }, (_, i) => i + 1),
    `${consumer.functionName} should have received order ${order.orderId} exactly ${max} times (its maximum receive count) before it was dead-lettered`,
  );
  return letter;
}

/** Each consumer processed the order once, never rejected it, and none dead-lettered it. */
export async function expectProcessedExactlyOnce(world: FanoutWorld, order: PlacedOrder, consumers: readonly DiscoveredConsumer[]): Promise<void> {
  await world.waitForProcessing(order, { consumers });
  const problems: string[] = [];
  for (const consumer of consumers) {
    const outcomes = world.outcomesOf(order, consumer);
    const summary = outcomes.map((o) => `${o.outcome.result} on receive ${o.outcome.receiveCount}`).join(', ');
    const letters = world.suite.deadLetters.forOrder(order.orderId).filter((l) => l.functionName === consumer.functionName);
    if (outcomes.length !== 1 || letters.length > 0) {
      problems.push(`${consumer.functionName}: ${summary}${letters.length > 0 ? `; ${letters.length} message(s) on its DLQ` : ''}\n${await describeConsumerState(world.suite, consumer, order)}`);
    }
  }
  if (problems.length > 0) assert.fail(`order ${order.orderId} was not processed exactly once by:\n${problems.join('\n')}`);
}
