import assert from 'node:assert/strict';
import { OutcomeResult } from '../../contracts/index.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { DeadLetter } from '../../harness/observation/DeadLetterCollector.ts';
import { describeConsumerState } from './diagnostics.ts';
import type { ObservedPipeline } from './observedPipeline.ts';
import { outcomesOf } from './outcomesOf.ts';
import { awaitProcessing } from './processing.ts';
import { deadLetterTimeoutMs, OUTCOME_TIMEOUT_MS, QUIET_WINDOW_MS } from './timeouts.ts';
import type { PlacedOrder } from './types.ts';

type OrderRef = Pick<PlacedOrder, 'orderId' | 'correlationId'>;

function maxReceiveCountOf(consumer: DiscoveredConsumer): number {
  assert.ok(consumer.maxReceiveCount !== null && consumer.dlqUrl !== null, `${consumer.functionName}'s queue has no redrive policy, so nothing can be dead-lettered`);
  return consumer.maxReceiveCount;
}

/** The receive counts on which the consumer rejected the order so far, ascending. */
function rejectedReceives(pipeline: ObservedPipeline, order: OrderRef, consumer: DiscoveredConsumer): number[] {
  return outcomesOf(pipeline, order, consumer)
    .filter((o) => o.outcome.result === OutcomeResult.rejected)
    .map((o) => o.outcome.receiveCount)
    .sort((a, b) => a - b);
}

/** Waits until the consumer has rejected the order on receives 1..maxReceiveCount (as discovered). */
export async function waitForRejections(pipeline: ObservedPipeline, order: OrderRef, consumer: DiscoveredConsumer): Promise<void> {
  const max = maxReceiveCountOf(consumer);
  const timeoutMs = deadLetterTimeoutMs(consumer);
  const expected = Array.from({ length: max }, (_, i) => i + 1);
  const allSeen = (): true | undefined => (expected.every((n) => rejectedReceives(pipeline, order, consumer).includes(n)) ? true : undefined);
  if (await pipeline.until(allSeen, { timeoutMs })) return;
  assert.fail(
    `${consumer.functionName} did not reject order ${order.orderId} on receives ${expected.join(', ')} within ${timeoutMs} ms; ` +
      `rejected on: ${rejectedReceives(pipeline, order, consumer).join(', ') || 'none'}\n${await describeConsumerState(pipeline, consumer, order)}`,
  );
}

/**
 * Waits for the order on the consumer's DLQ, then checks it was received exactly maxReceiveCount
 * times: not dead-lettered early, and (over a quiet window after it was found) not once more after
 * SQS gave up, nor dead-lettered twice.
 */
export async function waitForDeadLetter(pipeline: ObservedPipeline, order: OrderRef, consumer: DiscoveredConsumer): Promise<DeadLetter> {
  const max = maxReceiveCountOf(consumer);
  const timeoutMs = deadLetterTimeoutMs(consumer);
  const letters = (): DeadLetter[] => pipeline.deadLetters.forOrder(order.orderId).filter((l) => l.functionName === consumer.functionName);
  const letter = await pipeline.until(() => letters()[0], { timeoutMs });
  if (!letter) assert.fail(`order ${order.orderId} did not reach ${consumer.functionName}'s dead-letter queue within ${timeoutMs} ms\n${await describeConsumerState(pipeline, consumer, order)}`);
  const expected = Array.from({ length: max }, (_, i) => i + 1);
  const check = (when: string): void => {
    const outcomes = outcomesOf(pipeline, order, consumer);
    assert.deepEqual(
      outcomes.map((o) => `${o.outcome.result} on receive ${o.outcome.receiveCount}`).sort(),
      expected.map((n) => `${OutcomeResult.rejected} on receive ${n}`).sort(),
      `${consumer.functionName} should have received order ${order.orderId} exactly ${max} times (its maximum receive count), rejecting it each time, ${when}`,
    );
    assert.equal(letters().length, 1, `order ${order.orderId} should be on ${consumer.functionName}'s dead-letter queue once, ${when}`);
  };
  check('before it was dead-lettered');
  // A receive after SQS gave up would report its outcome about when the message reaches the DLQ: watch for it.
  const more = (): true | undefined => (outcomesOf(pipeline, order, consumer).length > max || letters().length > 1 ? true : undefined);
  await pipeline.until(more, { timeoutMs: QUIET_WINDOW_MS });
  check(`and no more within ${QUIET_WINDOW_MS} ms after it was dead-lettered`);
  return letter;
}

/**
 * Each consumer processed the order once, never rejected it, and none dead-lettered it: checked once
 * every consumer processed it, and again after a quiet window, so a late duplicate is seen too.
 */
export async function expectProcessedExactlyOnce(pipeline: ObservedPipeline, order: PlacedOrder, consumers: readonly DiscoveredConsumer[]): Promise<void> {
  await awaitProcessing(pipeline, order, { consumers, timeoutMs: OUTCOME_TIMEOUT_MS });
  const lettersOf = (consumer: DiscoveredConsumer): DeadLetter[] =>
    pipeline.deadLetters.forOrder(order.orderId).filter((l) => l.functionName === consumer.functionName);
  const wrong = (): DiscoveredConsumer[] | undefined => {
    const found = consumers.filter((c) => outcomesOf(pipeline, order, c).length !== 1 || lettersOf(c).length > 0);
    return found.length > 0 ? found : undefined;
  };
  // Nothing wrong yet: give a duplicate delivery or a dead letter the stated window, counted from when the
  // last consumer's outcome arrived (it may be long past: then only what is left of it, or nothing, is waited).
  const allProcessedAt = Math.max(...consumers.flatMap((c) => outcomesOf(pipeline, order, c).map((o) => o.receivedAt)));
  const windowLeftMs = Math.max(0, QUIET_WINDOW_MS - (Date.now() - allProcessedAt));
  const problems = wrong() ?? (windowLeftMs > 0 ? await pipeline.until(wrong, { timeoutMs: windowLeftMs }) : undefined) ?? [];
  if (problems.length === 0) return;
  const details = await Promise.all(problems.map(async (consumer) => {
    const summary = outcomesOf(pipeline, order, consumer).map((o) => `${o.outcome.result} on receive ${o.outcome.receiveCount}`).join(', ');
    const letters = lettersOf(consumer);
    return `${consumer.functionName}: ${summary}${letters.length > 0 ? `; ${letters.length} message(s) on its DLQ` : ''}\n${await describeConsumerState(pipeline, consumer, order)}`;
  }));
  assert.fail(`order ${order.orderId} was not processed exactly once by (checked until ${QUIET_WINDOW_MS} ms after every consumer processed it):\n${details.join('\n')}`);
}
