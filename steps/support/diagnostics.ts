import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { CollectedOutcome } from '../../harness/observation/OutcomeCollector.ts';
import type { Suite } from './suite.ts';

const LOG_LINES = 20;

export interface OrderIds {
  orderId: string | null;
  correlationId: string;
}

function describeOutcomes(outcomes: readonly CollectedOutcome[]): string {
  if (outcomes.length === 0) return 'none';
  return outcomes
    .map(({ outcome }) => `${outcome.result} on receive ${outcome.receiveCount} (message ${outcome.messageId})${outcome.detail ? `: ${outcome.detail}` : ''}`)
    .join('; ');
}

/** The last log lines of a function, indented; a backend without logs says so instead of failing. */
export async function lastLogLines(suite: Suite, functionName: string, limit = LOG_LINES): Promise<string> {
  try {
    const lines = await suite.stack.readLambdaLogs(functionName, { limit });
    return lines.length === 0 ? '    (no log lines)' : lines.map((line) => `    ${line.trimEnd()}`).join('\n');
  } catch (error) {
    return `    (logs unavailable: ${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * Everything known about one consumer and one order, for failure messages: its outcomes, what sits
 * in its DLQ for the order (and how much else), and its last log lines.
 */
export async function describeConsumerState(suite: Suite, consumer: DiscoveredConsumer, ids: OrderIds): Promise<string> {
  const outcomes = (ids.orderId ? suite.outcomes.forOrder(ids.orderId) : suite.outcomes.forCorrelationId(ids.correlationId)).filter(
    (o) => o.outcome.functionName === consumer.functionName,
  );
  const letters = suite.deadLetters.forConsumer(consumer.functionName);
  const mine = letters.filter((l) => (ids.orderId ? l.orderId === ids.orderId : l.correlationId === ids.correlationId));
  const dlq = consumer.dlqUrl === null
    ? 'no DLQ configured'
    : mine.length > 0
      ? mine.map((l) => `message ${l.messageId} (receive count ${l.receiveCount ?? '?'})`).join(', ')
      : `nothing for this order (${letters.length} other message${letters.length === 1 ? '' : 's'} of this run, ${suite.deadLetters.othersOn(consumer.functionName)} not of this run)`;
  return [
    `${consumer.functionName}:`,
    `  outcomes for this order: ${describeOutcomes(outcomes)}`,
    `  its dead-letter queue: ${dlq}`,
    `  last ${LOG_LINES} log lines:`,
    await lastLogLines(suite, consumer.functionName),
  ].join('\n');
}

/**
 * Poll failures, refused deletes and unreadable outcome messages: the usual suspects when nothing
 * arrives at all, or when something seems to arrive twice.
 */
export function describeCollectorHealth(suite: Suite): string {
  const parts: string[] = [];
  if (suite.pollErrors.length > 0) parts.push(`queue polling and delete errors:\n${suite.pollErrors.slice(-5).map((e) => `  ${e}`).join('\n')}`);
  const { failedDeletes, redelivered } = suite.outcomes.health();
  if (failedDeletes > 0 || redelivered > 0) {
    parts.push(`outcome messages not deleted: ${failedDeletes}; received again and dropped (same SQS message id): ${redelivered}`);
  }
  const malformed = suite.outcomes.malformed();
  if (malformed.length > 0) parts.push(`unreadable outcome messages: ${malformed.length}, last: ${malformed.at(-1)?.reason ?? ''}`);
  return parts.join('\n');
}
