import { OutcomeResult } from '../../contracts/index.ts';
import type { DeadLetter } from '../observation/DeadLetterCollector.ts';
import type { CollectedOutcome } from '../observation/OutcomeCollector.ts';
import { invocationsOfMessage, type LambdaInvocation } from '../observation/parseLambdaLogs.ts';

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
  /** Each function's invocations, parsed from its logs; missing functions just show no invocation. */
  invocations?: Readonly<Record<string, readonly LambdaInvocation[]>>;
}

/** What a row of a trace shows. */
export const TraceKind = {
  request: 'request',
  invocation: 'invocation',
  processed: 'processed',
  rejected: 'rejected',
  deadLettered: 'dead-lettered',
  missing: 'missing',
} as const;
export type TraceKind = (typeof TraceKind)[keyof typeof TraceKind];

/**
 * One event of an order's journey. Every time is on one clock: milliseconds after the specs sent the POST,
 * read from the wall clock of whoever saw the event (the specs for the request and the dead letter, Lambda
 * for an invocation's START and REPORT lines and for the outcome). A span (the request, an invocation) has
 * an end on the same clock; a point has `untilMs` null.
 */
export interface TraceRow {
  /** `null` for what never happened. */
  atMs: number | null;
  untilMs: number | null;
  /** Where it happened: `client` (the specs' side of the API), or the consumer's function name. */
  lane: string;
  kind: TraceKind;
  what: string;
  detail: string;
}

/** The lane of the API request in a trace. */
export const CLIENT_LANE = 'client';

const short = (id: string | null | undefined): string => (id ? id.slice(0, 8) : '');

function invocationDetail(invocation: LambdaInvocation): string {
  const report = invocation.report;
  if (!report) return `request ${short(invocation.requestId)}, no REPORT line yet`;
  const init = report.initDurationMs === null ? '' : `, Init Duration ${report.initDurationMs} ms (cold start)`;
  return `request ${short(invocation.requestId)}, Duration ${report.durationMs} ms${init}`;
}

/**
 * One order's journey through the pipeline, in time order: the API request (or the direct entry into a
 * queue), then per consumer each Lambda invocation that handled its copy (dated by its START and REPORT
 * lines), the outcome it reported, the dead letter, and a row for every expected consumer never heard from.
 * The 202 may come back after a consumer processed the order: the publisher answers once SNS has taken the
 * event, and SNS delivers at once.
 */
export function buildOrderTrace(input: OrderTraceInput): TraceRow[] {
  const { order } = input;
  const since = (epochMs: number): number => Math.round(epochMs - order.postedAt);
  const rows: TraceRow[] = [
    {
      atMs: 0,
      untilMs: since(order.acceptedAt),
      lane: CLIENT_LANE,
      kind: TraceKind.request,
      what: order.entry ?? `POST /orders, answered ${order.status}`,
      detail: `event ${short(order.eventId)}, meant for ${input.expectedConsumers.join(', ') || 'no consumer'}`,
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
    const startedAt = invocation?.startedAt ?? null;
    const dated = startedAt !== null;
    if (invocation && startedAt !== null) {
      rows.push({
        atMs: since(startedAt),
        untilMs: invocation.endedAt === null ? null : since(invocation.endedAt),
        lane: outcome.functionName,
        kind: TraceKind.invocation,
        what: `Lambda invocation (receive ${outcome.receiveCount})`,
        detail: invocationDetail(invocation),
      });
    }
    const rejected = outcome.result === OutcomeResult.rejected;
    rows.push({
      atMs: since(Date.parse(outcome.processedAt)),
      untilMs: null,
      lane: outcome.functionName,
      kind: rejected ? TraceKind.rejected : TraceKind.processed,
      what: `${outcome.result} (receive ${outcome.receiveCount})`,
      // Logs without times (a backend that gives none) still name the invocation, beside the outcome.
      detail: [outcome.detail ?? '', invocation && !dated ? invocationDetail(invocation) : ''].filter(Boolean).join('; '),
    });
  }
  for (const letter of input.deadLetters) {
    rows.push({
      atMs: since(letter.receivedAt),
      untilMs: null,
      lane: letter.functionName,
      kind: TraceKind.deadLettered,
      what: 'on its dead-letter queue',
      detail: `message ${short(letter.messageId)}${letter.receiveCount === null ? '' : `, receive count ${letter.receiveCount}`}`,
    });
  }
  const heardFrom = new Set(input.outcomes.map((o) => o.outcome.functionName));
  for (const functionName of input.expectedConsumers.filter((name) => !heardFrom.has(name))) {
    rows.push({ atMs: null, untilMs: null, lane: functionName, kind: TraceKind.missing, what: 'no outcome', detail: 'meant for it by its filter policy, never reported' });
  }
  return rows.sort((a, b) => (a.atMs ?? Number.POSITIVE_INFINITY) - (b.atMs ?? Number.POSITIVE_INFINITY));
}

/** A one-line summary of a trace, for the attachment's title. */
export function summarizeOrderTrace(rows: readonly TraceRow[], expectedConsumers: readonly string[]): string {
  const processed = new Set(rows.filter((r) => r.kind === TraceKind.processed).map((r) => r.lane));
  const done = expectedConsumers.filter((name) => processed.has(name)).length;
  const last = Math.max(0, ...rows.filter((r) => r.kind === TraceKind.processed).map((r) => r.atMs ?? 0));
  if (expectedConsumers.length === 0) return 'meant for no consumer';
  if (done === expectedConsumers.length) {
    const all = done === 1 ? 'the one consumer' : done === 2 ? 'both consumers' : `all ${done} consumers`;
    return `processed by ${all} meant for it, the last at +${last} ms`;
  }
  const dead = [...new Set(rows.filter((r) => r.kind === TraceKind.deadLettered).map((r) => r.lane))];
  return `processed by ${done} of the ${expectedConsumers.length} consumers meant for it${dead.length > 0 ? `; dead-lettered by ${dead.join(', ')}` : ''}`;
}
