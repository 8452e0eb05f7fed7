import assert from 'node:assert/strict';
import { renderTextTable } from '../../harness/reports/renderTextTable.ts';
import { badRequest, type RawRequest } from './badRequests.ts';
import type { ObservedPipeline } from './observedPipeline.ts';
import type { HttpResult } from './publisherClient.ts';
import { QUIET_WINDOW_MS } from './timeouts.ts';
import type { NewCorrelationId, Refusal, RefusalRow } from './types.ts';

/** What sending the table's requests needs: fresh correlation ids, and a way to send a request as it is. */
export interface RefusalSender {
  newCorrelationId: NewCorrelationId;
  send(request: RawRequest, correlationId: string): Promise<HttpResult>;
}

/** Reads the table's `request | status | the problem names` rows. */
export function refusalRows(hashes: ReadonlyArray<Record<string, string>>): RefusalRow[] {
  return hashes.map((row, i) => {
    const { request, status, 'the problem names': names } = row;
    assert.ok(request && status && names, `row ${i + 1} needs the columns request, status and "the problem names"`);
    assert.match(status, /^\d{3}$/, `row ${i + 1}: "${status}" is not an HTTP status`);
    return { request, status: Number(status), names };
  });
}

/** Sends every request of the table, each with its own correlation id, and returns what came back. */
export function sendRefusals(sender: RefusalSender, rows: readonly RefusalRow[]): Promise<Refusal[]> {
  return Promise.all(
    rows.map(async (row): Promise<Refusal> => {
      const correlationId = sender.newCorrelationId(row.request);
      const result = await sender.send(badRequest(row.request), correlationId);
      return { name: row.request, expectedStatus: row.status, expectedNames: row.names, correlationId, result };
    }),
  );
}

interface Problem {
  detail?: unknown;
  errors?: Array<{ field?: unknown; message?: unknown }>;
}

/** Whether the problem report names the phrase: as a field path in `errors`, or in its `detail`. */
function problemNames(problem: Problem | undefined, phrase: string): boolean {
  if (!problem) return false;
  const fields = (problem.errors ?? []).map((e) => String(e.field));
  return fields.includes(phrase) || String(problem.detail ?? '').toLowerCase().includes(phrase.toLowerCase());
}

/** The report's table of the refused requests: what each got back. */
export function refusalsTable(refusals: readonly Refusal[]): string {
  return renderTextTable(
    ['request', 'status', 'problem report'],
    refusals.map((r) => [r.name, String(r.result.status), r.result.text.slice(0, 200)]),
  );
}

/** Checks every refusal and fails once, with a table of all rows that did not hold. */
export function checkRefusals(refusals: readonly Refusal[]): void {
  const wrong = refusals.flatMap((r) => {
    const problem = r.result.json as Problem | undefined;
    const issues = [
      ...(r.result.status === r.expectedStatus ? [] : [`status ${r.result.status}, not ${r.expectedStatus}`]),
      ...(r.result.contentType.startsWith('application/problem+json') ? [] : [`content type "${r.result.contentType}", not problem+json`]),
      ...(problemNames(problem, r.expectedNames) ? [] : [`does not name "${r.expectedNames}"`]),
    ];
    return issues.length === 0 ? [] : [[r.name, issues.join('; '), r.result.text.slice(0, 300)]];
  });
  if (wrong.length > 0) assert.fail(`${wrong.length} request(s) were not refused as the table says:\n${renderTextTable(['request', 'what was wrong', 'response'], wrong)}`);
}

/** No refusal carries an order id. */
export function checkNoOrderIds(refusals: readonly Refusal[]): void {
  const leaking = refusals.filter((r) => typeof r.result.json === 'object' && r.result.json !== null && 'orderId' in r.result.json);
  assert.deepEqual(leaking.map((r) => r.name), [], 'these refusals carry an order id, as if the order had been accepted');
}

/**
 * During a quiet window that starts now (once a control order sent after the refusals has been processed), no
 * outcome and no dead letter carries a refused request's correlation id.
 */
export async function expectNoRefusalHeardOf(pipeline: ObservedPipeline, refusals: readonly Refusal[]): Promise<void> {
  const refused = new Set(refusals.map((r) => r.correlationId));
  const leaked = (): string[] | undefined => {
    const seen = [
      ...[...refused].flatMap((id) => pipeline.outcomes.forCorrelationId(id).map((o) => `${o.outcome.functionName} reported ${id}`)),
      ...pipeline.deadLetters.all().filter((l) => l.correlationId !== null && refused.has(l.correlationId)).map((l) => `${l.functionName} dead-lettered ${l.correlationId}`),
    ];
    return seen.length > 0 ? seen : undefined;
  };
  // The window starts only now: counted from the last refusal, it would be over by the time the
  // control order has been processed, and nothing would be watched for.
  const seen = await pipeline.until(leaked, { timeoutMs: QUIET_WINDOW_MS });
  assert.deepEqual(seen ?? leaked() ?? [], [], 'refused requests reached consumers');
}
