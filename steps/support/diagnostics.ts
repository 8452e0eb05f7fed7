import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { CollectedOutcome } from '../../harness/observation/OutcomeCollector.ts';
import { parseLambdaLogs, type LambdaInvocation } from '../../harness/observation/parseLambdaLogs.ts';
import { renderLogLine } from '../../harness/reports/renderLogLine.ts';
import type { ObservedPipeline } from './observedPipeline.ts';

const LOG_LINES = 20;
/** How far back in a function's log the invocations of an order are looked for. */
const LOG_EVENTS_SEARCHED = 5000;
/** Invocations shown per consumer in a failure message; the rest are counted. */
const INVOCATIONS_SHOWN = 4;

export interface OrderIds {
  orderId: string | null;
  correlationId: string;
}

/** `rejected on receives 1, 2, 3: SKU-X is discontinued`: one clause per result and detail. */
export function describeOutcomes(outcomes: readonly CollectedOutcome[]): string {
  if (outcomes.length === 0) return 'none';
  const groups = new Map<string, { result: string; detail: string; receives: number[] }>();
  for (const { outcome } of [...outcomes].sort((a, b) => a.outcome.receiveCount - b.outcome.receiveCount)) {
    const key = `${outcome.result}\u0000${outcome.detail ?? ''}`;
    const group = groups.get(key) ?? { result: outcome.result, detail: outcome.detail ?? '', receives: [] };
    group.receives.push(outcome.receiveCount);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => `${g.result} on receive${g.receives.length === 1 ? '' : 's'} ${g.receives.join(', ')}${g.detail ? `: ${g.detail}` : ''}`)
    .join('; ');
}

/** The last log lines of a function, indented; a backend without logs says so instead of failing. */
export async function lastLogLines(suite: ObservedPipeline, functionName: string, limit = LOG_LINES): Promise<string> {
  try {
    const lines = await suite.stack.readLambdaLogs(functionName, { limit });
    return lines.length === 0 ? '    (no log lines)' : lines.map((line) => `    ${line.trimEnd()}`).join('\n');
  } catch (error) {
    return `    (logs unavailable: ${error instanceof Error ? error.message : String(error)})`;
  }
}

function outcomesOf(suite: ObservedPipeline, consumer: DiscoveredConsumer, ids: OrderIds): CollectedOutcome[] {
  return (ids.orderId ? suite.outcomes.forOrder(ids.orderId) : suite.outcomes.forCorrelationId(ids.correlationId)).filter(
    (o) => o.outcome.functionName === consumer.functionName,
  );
}

/** The consumer's invocations that handled this order's copy, oldest first, by the ids its log lines carry. */
export async function invocationsForOrder(suite: ObservedPipeline, consumer: DiscoveredConsumer, ids: OrderIds): Promise<LambdaInvocation[]> {
  const messageIds = new Set(outcomesOf(suite, consumer, ids).map((o) => o.outcome.messageId));
  const events = await suite.stack.readLambdaLogEvents(consumer.functionName, { limit: LOG_EVENTS_SEARCHED });
  return parseLambdaLogs(events).filter((invocation) =>
    [...invocation.messageIds].some((id) => messageIds.has(id)) ||
    (ids.orderId !== null && invocation.orderIds.has(ids.orderId)) ||
    invocation.correlationIds.has(ids.correlationId));
}

const clock = (epochMs: number | null): string => (epochMs === null ? '?' : new Date(epochMs).toISOString().slice(11, 23));

/**
 * The invocations as a person reads them: a header per invocation (when, request id, REPORT figures) and
 * under it only the lines about this order, rendered (`ERROR record rejected; reason: ...`), not the JSON.
 */
export function renderInvocations(invocations: readonly LambdaInvocation[], ids: OrderIds, indent = '    '): string {
  if (invocations.length === 0) return `${indent}(none found in its log)`;
  const shown = invocations.slice(-INVOCATIONS_SHOWN);
  const about = (message: string): boolean =>
    (ids.orderId !== null && message.includes(ids.orderId)) || message.includes(ids.correlationId) || message.includes('Task timed out');
  const blocks = shown.map((invocation) => {
    const report = invocation.report;
    const figures = report ? `Duration ${report.durationMs} ms${report.initDurationMs === null ? '' : `, Init Duration ${report.initDurationMs} ms`}` : 'no REPORT line';
    const lines = invocation.lines.filter((line) => about(line.text)).map((line) => `${indent}  ${clock(line.timestamp)} ${renderLogLine(line)}`);
    return [`${indent}${clock(invocation.startedAt)} request ${invocation.requestId}: ${figures}`, ...lines].join('\n');
  });
  const earlier = invocations.length - shown.length;
  return [...(earlier > 0 ? [`${indent}(${earlier} earlier invocation${earlier === 1 ? '' : 's'} not shown)`] : []), ...blocks].join('\n');
}

/**
 * Everything known about one consumer and one order, for failure messages: its outcomes, what sits in its
 * DLQ for the order (and how much else), and the log lines of the invocations that handled this order only,
 * readable. The function's raw log is attached to the report when the scenario fails.
 */
export async function describeConsumerState(suite: ObservedPipeline, consumer: DiscoveredConsumer, ids: OrderIds): Promise<string> {
  const letters = suite.deadLetters.forConsumer(consumer.functionName);
  const mine = letters.filter((l) => (ids.orderId ? l.orderId === ids.orderId : l.correlationId === ids.correlationId));
  const dlq = consumer.dlqUrl === null
    ? 'no DLQ configured'
    : mine.length > 0
      ? mine.map((l) => `message ${l.messageId} (receive count ${l.receiveCount ?? '?'})`).join(', ')
      : `nothing for this order (${letters.length} other message${letters.length === 1 ? '' : 's'} of this run, ${suite.deadLetters.othersOn(consumer.functionName)} not of this run)`;
  let invocations: string;
  try {
    invocations = renderInvocations(await invocationsForOrder(suite, consumer, ids), ids);
  } catch (error) {
    invocations = `    (logs unavailable: ${error instanceof Error ? error.message : String(error)})`;
  }
  return [
    `${consumer.functionName}:`,
    `  outcomes for this order: ${describeOutcomes(outcomesOf(suite, consumer, ids))}`,
    `  its dead-letter queue: ${dlq}`,
    '  its invocations for this order (the raw log is attached to the report):',
    invocations,
  ].join('\n');
}

/**
 * Poll failures, refused deletes and unreadable outcome messages: the usual suspects when nothing
 * arrives at all, or when something seems to arrive twice.
 */
export function describeCollectorHealth(suite: ObservedPipeline): string {
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
