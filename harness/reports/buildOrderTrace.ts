import type { DeadLetter } from '../observation/DeadLetterCollector.ts';
import type { CollectedOutcome } from '../observation/OutcomeCollector.ts';
import { invocationsOfMessage, type LambdaInvocation } from '../observation/parseLambdaLogs.ts';
import { renderTextTable } from './renderTextTable.ts';

/** What the harness knows about one `POST /orders` it made. */
export interface PlacedOrderTiming {
  orderId: string;
  eventId: string;
  correlationId: string;
  /** Epoch ms just before the request was sent. */
  postedAt: number;
  /** Epoch ms when the 202 arrived; the publisher answers only once SNS confirmed the publish. */
  acceptedAt: number;
  status: number;
  /** How the order entered the pipeline when not through the publisher, e.g. `SendMessageBatch to fanout-order-processor`. */
  entry?: string;
}

export interface OrderTraceInput {
  order: PlacedOrderTiming;
  /** Function names SNS should deliver the order to, from the discovered filter policies. */
  expectedConsumers: readonly string[];
  outcomes: readonly CollectedOutcome[];
  deadLetters: readonly DeadLetter[];
  /** Each function's invocations, parsed from its logs; missing functions just show no REPORT. */
  invocations?: Readonly<Record<string, readonly LambdaInvocation[]>>;
}

export interface TraceRow {
  /** Ms since the POST; `null` for what never happened. */
  atMs: number | null;
  step: string;
  consumer: string;
  message: string;
  invocation: string;
  detail: string;
}

const short = (id: string | null | undefined): string => (id ? id.slice(0, 8) : '');

/**
 * One order's path through the pipeline, in time order: accepted (published to the topic), then per
 * consumer each delivery of its queue message with the Lambda invocation that handled it (from the
 * REPORT line) and the outcome, dead-lettering, and a row for every expected consumer never heard from.
 */
export function buildOrderTrace(input: OrderTraceInput): TraceRow[] {
  const { order } = input;
  const since = (epochMs: number): number => Math.round(epochMs - order.postedAt);
  const rows: TraceRow[] = [
    { atMs: 0, step: order.entry ?? 'POST /orders', consumer: '', message: '', invocation: '', detail: `correlation id ${order.correlationId}` },
    {
      atMs: since(order.acceptedAt),
      step: order.entry ? 'on the queue' : `accepted (${order.status}), published`,
      consumer: '',
      message: '',
      invocation: '',
      detail: `order ${order.orderId}, event ${order.eventId}; fans out to ${input.expectedConsumers.join(', ') || 'no consumer'}`,
    },
  ];
  const delivered = [...input.outcomes].sort((a, b) => Date.parse(a.outcome.processedAt) - Date.parse(b.outcome.processedAt));
  // A retried message is handled by one invocation per receive: the nth outcome of a message belongs to its nth invocation.
  const receivesSeen = new Map<string, number>();
  for (const { outcome } of delivered) {
    const key = `${outcome.functionName}/${outcome.messageId}`;
    const nth = receivesSeen.get(key) ?? 0;
    receivesSeen.set(key, nth + 1);
    const invocation = invocationsOfMessage(input.invocations?.[outcome.functionName] ?? [], outcome.messageId)[nth];
    const report = invocation?.report;
    rows.push({
      atMs: since(Date.parse(outcome.processedAt)),
      step: `${outcome.result} (receive ${outcome.receiveCount})`,
      consumer: outcome.consumer,
      message: short(outcome.messageId),
      invocation: invocation
        ? `${short(invocation.requestId)}${report ? ` ${report.durationMs} ms${report.initDurationMs ? ` (+${report.initDurationMs} ms init)` : ''}` : ''}`
        : '',
      detail: outcome.detail ?? '',
    });
  }
  for (const letter of input.deadLetters) {
    rows.push({
      atMs: since(letter.receivedAt),
      step: 'dead-lettered',
      consumer: letter.functionName,
      message: short(letter.messageId),
      invocation: '',
      detail: letter.receiveCount === null ? 'found on its DLQ' : `found on its DLQ, receive count ${letter.receiveCount}`,
    });
  }
  const heardFrom = new Set(input.outcomes.map((o) => o.outcome.functionName));
  for (const functionName of input.expectedConsumers.filter((name) => !heardFrom.has(name))) {
    rows.push({ atMs: null, step: 'no outcome', consumer: functionName, message: '', invocation: '', detail: 'expected by its filter policy, never reported' });
  }
  return rows.sort((a, b) => (a.atMs ?? Number.POSITIVE_INFINITY) - (b.atMs ?? Number.POSITIVE_INFINITY));
}

/** The trace as an aligned text table, for a `text/plain` attachment. */
export function renderOrderTrace(rows: readonly TraceRow[]): string {
  return renderTextTable(
    ['+ms', 'step', 'consumer', 'SQS message', 'Lambda invocation (REPORT)', 'detail'],
    rows.map((row) => [row.atMs === null ? '—' : String(row.atMs), row.step, row.consumer, row.message, row.invocation, row.detail]),
  );
}
