/** The lines Lambda itself writes around each invocation, in its exact wording. */

export function startLine(requestId: string): string {
  return `START RequestId: ${requestId} Version: $LATEST`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

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

/** `REPORT RequestId: ...\tDuration: 1.23 ms\tBilled Duration: 2 ms\t...`, with AWS's trailing tab. */
export function reportLine(fields: ReportFields): string {
  const parts = [
    `REPORT RequestId: ${fields.requestId}`,
    `Duration: ${fields.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${Math.max(1, Math.ceil(fields.durationMs))} ms`,
    `Memory Size: ${fields.memorySizeMb} MB`,
    `Max Memory Used: ${fields.maxMemoryUsedMb} MB`,
  ];
  if (fields.initDurationMs !== undefined) {
    parts.push(`Init Duration: ${fields.initDurationMs.toFixed(2)} ms`);
  }
  if (fields.status) {
    parts.push(`Status: ${fields.status}`);
  }
  if (fields.errorType) {
    parts.push(`Error Type: ${fields.errorType}`);
  }
  return `${parts.join('\t')}\t`;
}

/** The line Lambda logs when it stops an invocation at its deadline. */
export function timeoutLine(requestId: string, timeoutSeconds: number): string {
  return `${new Date().toISOString()} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

/** The first line of a cold start. */
export function initStartLine(nodeVersion: string): string {
  return `INIT_START Runtime Version: nodejs:${nodeVersion.replace(/^v/, '')}`;
}
