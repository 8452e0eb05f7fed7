import { OutcomeResult } from '../../contracts/index.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { CollectedOutcome } from '../../harness/observation/OutcomeCollector.ts';
import type { ObservedPipeline } from './observedPipeline.ts';

/** How a consumer's copy of an order ended without being processed. */
export const GiveUp = {
  deadLettered: 'dead-lettered',
  lastReceiveRejected: 'rejected on its last receive',
} as const;
export type GiveUp = (typeof GiveUp)[keyof typeof GiveUp];

/** A consumer that will not process its copy of an order any more, and what it said each time it refused. */
export interface GivenUp {
  consumer: DiscoveredConsumer;
  how: GiveUp;
  rejections: CollectedOutcome[];
}

type Observed = Pick<ObservedPipeline, 'outcomes' | 'deadLetters'>;

/**
 * Whether the consumer has given up on its copy of the order: the copy is on its dead-letter queue, or the
 * consumer rejected it on receive `maxReceiveCount`, after which SQS moves it there instead of delivering it
 * again (Amazon SQS Developer Guide, "Using dead-letter queues"). Either way no later outcome can be
 * `processed`, so a wait for one can stop at once. `undefined` while it may still be processed, or once it was.
 */
export function givenUp(suite: Observed, orderId: string, consumer: DiscoveredConsumer): GivenUp | undefined {
  const outcomes = suite.outcomes.forOrder(orderId).filter((o) => o.outcome.functionName === consumer.functionName);
  if (outcomes.some((o) => o.outcome.result === OutcomeResult.processed)) return undefined;
  const rejections = outcomes.filter((o) => o.outcome.result === OutcomeResult.rejected);
  if (suite.deadLetters.forOrder(orderId).some((l) => l.functionName === consumer.functionName)) {
    return { consumer, how: GiveUp.deadLettered, rejections };
  }
  const max = consumer.maxReceiveCount;
  if (max !== null && consumer.dlqUrl !== null && rejections.some((o) => o.outcome.receiveCount >= max)) {
    return { consumer, how: GiveUp.lastReceiveRejected, rejections };
  }
  return undefined;
}

/** Ids and other per-order words replaced, so that the same rejection of many orders reads as one reason. */
export function reasonOf(detail: string | undefined): string {
  return (detail ?? '(no reason given)').replaceAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
}

/** `simulated bug: cannot render <id> (57 times), ...`: a consumer's distinct rejection reasons, most frequent first. */
export function describeReasons(rejections: readonly CollectedOutcome[]): string {
  if (rejections.length === 0) return 'no rejection was reported';
  const counts = new Map<string, number>();
  for (const { outcome } of rejections) counts.set(reasonOf(outcome.detail), (counts.get(reasonOf(outcome.detail)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([reason, count]) => `"${reason}"${count > 1 ? ` (${count} times)` : ''}`)
    .join(', ');
}
