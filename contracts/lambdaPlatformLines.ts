/**
 * The lines Lambda itself writes around each invocation (text log format), in AWS's wording: written by
 * the embedded Lambda service, read back by the specs and the bench on every backend. The shapes are those
 * of the Lambda developer guide (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html, "Example
 * log format") and the operator guide (https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html):
 * `START RequestId: <id> Version: $LATEST`, `END RequestId: <id>`, and a REPORT line of tab-separated
 * `Label: value unit` fields ending in a tab.
 */

/** What the writer knows when it writes a REPORT line; the billed duration is derived from the duration. */
export interface ReportFields {
  requestId: string;
  durationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Only on the first invocation of an environment. */
  initDurationMs?: number;
  status?: 'timeout' | 'error';
  errorType?: string;
}

/** A REPORT line as a reader gets it: a field the line lacks is `null`. */
export interface ReportLine {
  requestId: string;
  durationMs: number;
  billedDurationMs: number | null;
  memorySizeMb: number | null;
  maxMemoryUsedMb: number | null;
  initDurationMs: number | null;
  status: string | null;
  errorType: string | null;
}

/** One platform line, by kind. */
export type PlatformLine =
  | { kind: 'start'; requestId: string; version: string | null }
  | { kind: 'end'; requestId: string }
  | { kind: 'report'; requestId: string; report: ReportLine }
  | { kind: 'timeout'; requestId: string; timeoutSeconds: number };

/** The REPORT line's labels, as AWS spells them. */
const Label = {
  requestId: 'REPORT RequestId',
  duration: 'Duration',
  billedDuration: 'Billed Duration',
  memorySize: 'Memory Size',
  maxMemoryUsed: 'Max Memory Used',
  initDuration: 'Init Duration',
  status: 'Status',
  errorType: 'Error Type',
} as const;

export function startLine(requestId: string): string {
  return `START RequestId: ${requestId} Version: $LATEST`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

/** `REPORT RequestId: ...\tDuration: 1.23 ms\tBilled Duration: 2 ms\t...`, with AWS's trailing tab. */
export function reportLine(fields: ReportFields): string {
  const parts = [
    `${Label.requestId}: ${fields.requestId}`,
    `${Label.duration}: ${fields.durationMs.toFixed(2)} ms`,
    `${Label.billedDuration}: ${Math.max(1, Math.ceil(fields.durationMs))} ms`,
    `${Label.memorySize}: ${fields.memorySizeMb} MB`,
    `${Label.maxMemoryUsed}: ${fields.maxMemoryUsedMb} MB`,
  ];
  if (fields.initDurationMs !== undefined) parts.push(`${Label.initDuration}: ${fields.initDurationMs.toFixed(2)} ms`);
  if (fields.status) parts.push(`${Label.status}: ${fields.status}`);
  if (fields.errorType) parts.push(`${Label.errorType}: ${fields.errorType}`);
  return `${parts.join('\t')}\t`;
}

/** The line Lambda logs when it stops an invocation at its deadline. */
export function timeoutLine(requestId: string, timeoutSeconds: number, at: Date = new Date()): string {
  return `${at.toISOString()} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

const START = /^START RequestId: (\S+)(?: Version: (\S+))?/;
const END = /^END RequestId: (\S+)/;
const TIMED_OUT = /^\S+ (\S+) Task timed out after ([\d.]+) seconds/;

/** The platform line `text` is, or `null` for any other line (the function's own output). */
export function parsePlatformLine(text: string): PlatformLine | null {
  const line = text.trim();
  if (line.startsWith(`${Label.requestId}: `)) {
    const report = parseReportLine(line);
    return report ? { kind: 'report', requestId: report.requestId, report } : null;
  }
  const start = START.exec(line);
  if (start?.[1]) return { kind: 'start', requestId: start[1], version: start[2] ?? null };
  const end = END.exec(line);
  if (end?.[1]) return { kind: 'end', requestId: end[1] };
  const timedOut = TIMED_OUT.exec(line);
  if (timedOut?.[1] && timedOut[2]) return { kind: 'timeout', requestId: timedOut[1], timeoutSeconds: Number(timedOut[2]) };
  return null;
}

/** The fields of a REPORT line, or `null` when `text` is none. */
export function parseReportLine(text: string): ReportLine | null {
  const fields = new Map<string, string>();
  for (const part of text.trim().split('\t')) {
    const colon = part.indexOf(': ');
    if (colon > 0) fields.set(part.slice(0, colon).trim(), part.slice(colon + 2).trim());
  }
  const requestId = fields.get(Label.requestId);
  if (!requestId) return null;
  const number = (label: string): number | null => {
    const value = Number.parseFloat(fields.get(label) ?? '');
    return Number.isFinite(value) ? value : null;
  };
  return {
    requestId,
    durationMs: number(Label.duration) ?? 0,
    billedDurationMs: number(Label.billedDuration),
    memorySizeMb: number(Label.memorySize),
    maxMemoryUsedMb: number(Label.maxMemoryUsed),
    initDurationMs: number(Label.initDuration),
    status: fields.get(Label.status) ?? null,
    errorType: fields.get(Label.errorType) ?? null,
  };
}
