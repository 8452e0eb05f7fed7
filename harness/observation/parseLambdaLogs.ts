/** The REPORT line Lambda writes after each invocation. */
export interface LambdaReport {
  requestId: string;
  durationMs: number;
  billedDurationMs: number | null;
  maxMemoryUsedMb: number | null;
  initDurationMs: number | null;
  /** The line as logged, for traces. */
  line: string;
}

/** A log line as a backend gives it: the text alone, or with its event time (epoch ms). */
export type LogLineInput = string | { timestamp: number; message: string };

/** One of an invocation's own lines; `timestamp` is `null` where the backend gave none. */
export interface InvocationLine {
  timestamp: number | null;
  message: string;
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
  /** Its START, END, REPORT and timeout lines and the handler's structured lines, in log order. */
  lines: InvocationLine[];
}

const START = /START RequestId: (\S+)/;
const END = /^END RequestId: (\S+)/;
const REPORT = /REPORT RequestId: (\S+)/;
const TIMED_OUT = /^\S+ (\S+) Task timed out after/;
const number = (line: string, label: string): number | null => {
  const match = new RegExp(`${label}: ([\\d.]+)`).exec(line);
  return match?.[1] === undefined ? null : Number(match[1]);
};

/**
 * Groups a function's log lines into invocations: START/END/REPORT and timeout lines by their RequestId, and
 * the handler's structured (Powertools JSON) lines by `function_request_id`, with the messageId, orderId and
 * correlationId keys they carry. Lines of any other shape are ignored: with environments running side by
 * side, a plain line cannot be told apart by invocation.
 */
export function parseLambdaLogs(input: readonly LogLineInput[]): LambdaInvocation[] {
  const invocations = new Map<string, LambdaInvocation>();
  const invocation = (requestId: string): LambdaInvocation => {
    let found = invocations.get(requestId);
    if (!found) {
      found = { requestId, report: null, startedAt: null, endedAt: null, messageIds: new Set(), orderIds: new Set(), correlationIds: new Set(), lines: [] };
      invocations.set(requestId, found);
    }
    return found;
  };
  for (const item of input) {
    const { timestamp, message: line } = typeof item === 'string' ? { timestamp: null, message: item } : item;
    const own = { timestamp, message: line.trimEnd() };
    const start = START.exec(line);
    if (start?.[1]) {
      const found = invocation(start[1]);
      found.startedAt = timestamp;
      found.lines.push(own);
      continue;
    }
    const report = REPORT.exec(line);
    if (report?.[1]) {
      const found = invocation(report[1]);
      found.report = {
        requestId: report[1],
        durationMs: number(line, 'Duration') ?? 0,
        billedDurationMs: number(line, 'Billed Duration'),
        maxMemoryUsedMb: number(line, 'Max Memory Used'),
        initDurationMs: number(line, 'Init Duration'),
        line: line.trim(),
      };
      found.endedAt = timestamp;
      found.lines.push(own);
      continue;
    }
    const platform = END.exec(line)?.[1] ?? TIMED_OUT.exec(line)?.[1];
    if (platform) {
      invocation(platform).lines.push(own);
      continue;
    }
    const json = structured(line);
    const requestId = json?.function_request_id;
    if (typeof requestId !== 'string' || !json) continue;
    const found = invocation(requestId);
    found.lines.push(own);
    if (typeof json.messageId === 'string') found.messageIds.add(json.messageId);
    if (typeof json.orderId === 'string') found.orderIds.add(json.orderId);
    if (typeof json.correlationId === 'string') found.correlationIds.add(json.correlationId);
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

function structured(line: string): Record<string, unknown> | undefined {
  const start = line.indexOf('{');
  if (start < 0) return undefined;
  try {
    const value: unknown = JSON.parse(line.slice(start));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
