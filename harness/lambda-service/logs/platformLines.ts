/** The lines Lambda itself writes around each invocation, in its exact wording. */

// START/END/REPORT and the timeout line are a contract the specs and the bench read back.
export { endLine, reportLine, startLine, timeoutLine, type ReportFields } from '../../../contracts/lambdaPlatformLines.ts';

/** The first line of a cold start. */
export function initStartLine(nodeVersion: string): string {
  return `INIT_START Runtime Version: nodejs:${nodeVersion.replace(/^v/, '')}`;
}
