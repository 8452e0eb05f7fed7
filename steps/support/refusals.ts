import assert from 'node:assert/strict';
import { exampleOrder } from '../../contracts/index.ts';
import { renderTextTable } from '../../harness/reports/renderTextTable.ts';
import { badRequest } from './badRequests.ts';
import type { FanoutWorld, Refusal } from './FanoutWorld.ts';
import { QUIET_WINDOW_MS } from './timeouts.ts';

/** A row of the rejected-orders table. */
export interface RefusalRow {
  request: string;
  status: number;
  names: string;
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

/** Sends every request of the table, each with its own correlation id, and keeps what came back. */
export async function sendRefusals(world: FanoutWorld, rows: readonly RefusalRow[]): Promise<void> {
  const refusals = await Promise.all(
    rows.map(async (row): Promise<Refusal> => {
      const correlationId = world.newCorrelationId(row.request);
      const result = await world.send(badRequest(row.request), correlationId);
      return { name: row.request, expectedStatus: row.status, expectedNames: row.names, correlationId, result };
    }),
  );
  world.refusals.push(...refusals);
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

/** Checks every refusal and fails once, with a table of all rows that did not hold. */
export function checkRefusals(world: FanoutWorld): void {
  const wrong = world.refusals.flatMap((r) => {
    const problem = r.result.json as Problem | undefined;
    const issues = [
      ...(r.result.status === r.expectedStatus ? [] : [`status ${r.result.status}, not ${r.expectedStatus}`]),
      ...(r.result.contentType.startsWith('application/problem+json') ? [] : [`content type "${r.result.contentType}", not problem+json`]),
      ...(problemNames(problem, r.expectedNames) ? [] : [`does not name "${r.expectedNames}"`]),
    ];
    return issues.length === 0 ? [] : [[r.name, issues.join('; '), r.result.text.slice(0, 300)]];
  });
  world.attach(
    renderTextTable(
      ['request', 'status', 'problem report'],
      world.refusals.map((r) => [r.name, String(r.result.status), r.result.text.slice(0, 200)]),
    ),
    { mediaType: 'text/plain', fileName: 'Refused requests and their problem reports' },
  );
  if (wrong.length > 0) assert.fail(`${wrong.length} request(s) were not refused as the table says:\n${renderTextTable(['request', 'what was wrong', 'response'], wrong)}`);
}

export function checkNoOrderIds(world: FanoutWorld): void {
  const leaking = world.refusals.filter((r) => typeof r.result.json === 'object' && r.result.json !== null && 'orderId' in r.result.json);
  assert.deepEqual(leaking.map((r) => r.name), [], 'these refusals carry an order id, as if the order had been accepted');
}

/**
 * Nothing of the refused requests reaches a consumer: a valid control order sent afterwards is
 * processed by every consumer meant for it, and during a quiet window that starts once it has been
 * processed no outcome and no dead letter carries a refused request's correlation id.
 */
export async function expectNothingPublished(world: FanoutWorld): Promise<void> {
  const refused = new Set(world.refusals.map((r) => r.correlationId));
  const control = await world.placeOrder(exampleOrder, { correlationId: world.newCorrelationId('control-after-refusals') });
  await world.waitForProcessing(control);
  const leaked = (): string[] | undefined => {
    const seen = [
      ...[...refused].flatMap((id) => world.suite.outcomes.forCorrelationId(id).map((o) => `${o.outcome.functionName} reported ${id}`)),
      ...world.suite.deadLetters.all().filter((l) => l.correlationId !== null && refused.has(l.correlationId)).map((l) => `${l.functionName} dead-lettered ${l.correlationId}`),
    ];
    return seen.length > 0 ? seen : undefined;
  };
  // The window starts only now: counted from the last refusal, it would be over by the time the
  // control order has been processed, and nothing would be watched for.
  const seen = await world.suite.until(leaked, { timeoutMs: QUIET_WINDOW_MS });
  assert.deepEqual(seen ?? leaked() ?? [], [], 'refused requests reached consumers');
}
