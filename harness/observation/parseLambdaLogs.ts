import type { ReportLine } from '../../contracts/lambdaPlatformLines.ts';
import { toLogRecord, type LambdaLogRecord, type LogLineInput } from './LambdaLogRecord.ts';

export type { LogLineInput } from './LambdaLogRecord.ts';

/** The REPORT line Lambda writes after each invocation, as the specs show it. */
export interface LambdaReport extends Pick<ReportLine, 'requestId' | 'durationMs' | 'billedDurationMs' | 'maxMemoryUsedMb' | 'initDurationMs'> {
  /** The line as logged, for traces. */
  line: string;
}

/** One invocation reconstructed from a function's log lines. */
export interface LambdaInvocation {
  requestId: string;
  report: LambdaReport | null;
  /** When its START / REPORT line was written (epoch ms), where the lines came with times. */
  startedAt: number | null;
  endedAt: number | null;
  /** SQS message ids the handler logged while handling this invocation. */
  messageIds: Set<string>;
  orderIds: Set<string>;
  correlationIds: Set<string>;
  /** Its START, END, REPORT and timeout records and the handler's structured ones, in log order. */
  lines: LambdaLogRecord[];
}

/** As {@link groupInvocations}, reading raw lines into records first (once). */
export function parseLambdaLogs(input: readonly LogLineInput[]): LambdaInvocation[] {
  return groupInvocations(input.map(toLogRecord));
}

/**
 * Groups a function's log records into invocations: platform lines (START/END/REPORT, timeout) by their
 * RequestId, and the handler's structured (Powertools JSON) lines by `function_request_id`, with the
 * messageId, orderId and correlationId keys they carry. Records of any other shape are left out: with
 * environments running side by side, a plain line cannot be told apart by invocation.
 */
export function groupInvocations(records: readonly LambdaLogRecord[]): LambdaInvocation[] {
  const invocations = new Map<string, LambdaInvocation>();
  const invocation = (requestId: string): LambdaInvocation => {
    let found = invocations.get(requestId);
    if (!found) {
      found = { requestId, report: null, startedAt: null, endedAt: null, messageIds: new Set(), orderIds: new Set(), correlationIds: new Set(), lines: [] };
      invocations.set(requestId, found);
    }
    return found;
  };
  for (const record of records) {
    const { platform, fields } = record;
    if (platform) {
      const found = invocation(platform.requestId);
      if (platform.kind === 'start') found.startedAt = record.timestamp;
      if (platform.kind === 'report') {
        const { requestId, durationMs, billedDurationMs, maxMemoryUsedMb, initDurationMs } = platform.report;
        found.report = { requestId, durationMs, billedDurationMs, maxMemoryUsedMb, initDurationMs, line: record.text.trim() };
        found.endedAt = record.timestamp;
      }
      found.lines.push(record);
      continue;
    }
    if (!fields || typeof fields.function_request_id !== 'string') continue;
    const found = invocation(fields.function_request_id);
    found.lines.push(record);
    if (typeof fields.messageId === 'string') found.messageIds.add(fields.messageId);
    if (typeof fields.orderId === 'string') found.orderIds.add(fields.orderId);
    if (typeof fields.correlationId === 'string') found.correlationIds.add(fields.correlationId);
  }
  return [...invocations.values()];
}

/** The invocation that handled an SQS message, by the message id its log lines carry. */
export function invocationOfMessage(invocations: readonly LambdaInvocation[], messageId: string): LambdaInvocation | undefined {
  return invocations.find((candidate) => candidate.messageIds.has(messageId));
}

/** Every invocation that handled the message, oldest first: one per receive of a retried message. */
export function invocationsOfMessage(invocations: readonly LambdaInvocation[], messageId: string): LambdaInvocation[] {
  return invocations.filter((candidate) => candidate.messageIds.has(messageId));
}
