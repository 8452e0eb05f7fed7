import { parsePlatformLine, type PlatformLine } from '../../contracts/lambdaPlatformLines.ts';

/** A log line as a backend gives it: the text alone, or with its event time (epoch ms) and stream. */
export type LogLineInput = string | { timestamp: number; message: string; logStreamName?: string };

/**
 * One line of a function's log, read once: whose invocation it is, at what level, and what Lambda or the
 * handler put in it. Readers take these fields and never parse the text again.
 */
export interface LambdaLogRecord {
  /** Epoch ms of the log event; `null` where the backend gave none. */
  timestamp: number | null;
  /** The CloudWatch Logs stream (one per execution environment); `null` where the backend gave none. */
  logStream: string | null;
  /** The invocation it belongs to: from a platform line, a structured line's `function_request_id`, or the runtime's text format. */
  requestId: string | null;
  /** The handler's level (`INFO`, `ERROR`, ...); `null` for platform lines and unlevelled output. */
  level: string | null;
  /** The line as logged, trailing whitespace removed. */
  text: string;
  /** START, END, REPORT or timeout, parsed by the contract; `null` for the function's own output. */
  platform: PlatformLine | null;
  /** The handler's structured (Powertools JSON) fields; `null` for any other line. */
  fields: Readonly<Record<string, unknown>> | null;
}

/** The Node runtime's text format: `<ISO time>\t<request id>\t<LEVEL>\t<message>`. */
const RUNTIME_TEXT = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z\t(\S+)\t([A-Z]+)\t/;

/** Reads one log line into a record. */
export function toLogRecord(input: LogLineInput): LambdaLogRecord {
  const { timestamp, message, logStreamName } = typeof input === 'string' ? { timestamp: null, message: input, logStreamName: undefined } : input;
  const text = message.trimEnd();
  const base = { timestamp, logStream: logStreamName ?? null, text };
  const platform = parsePlatformLine(text);
  if (platform) return { ...base, requestId: platform.requestId, level: null, platform, fields: null };
  const fields = structured(text);
  if (fields) {
    const requestId = typeof fields.function_request_id === 'string' ? fields.function_request_id : null;
    const level = typeof fields.level === 'string' ? fields.level : null;
    return { ...base, requestId, level, platform: null, fields };
  }
  const runtime = RUNTIME_TEXT.exec(text);
  return { ...base, requestId: runtime?.[1] ?? null, level: runtime?.[2] ?? null, platform: null, fields: null };
}

function structured(line: string): Record<string, unknown> | null {
  const start = line.indexOf('{');
  if (start < 0) return null;
  try {
    const value: unknown = JSON.parse(line.slice(start));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
