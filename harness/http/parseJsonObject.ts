/** Why a body is not a JSON object: its parser's message, or that it parsed to something else. */
export type JsonObjectProblem = { kind: 'malformed'; detail: string } | { kind: 'not-an-object' };

/**
 * A JSON-protocol request body as an object (empty body: `{}`). Each service words the failure as its AWS
 * service does, so `fail` makes the error to throw.
 */
export function parseJsonObject(body: Buffer, fail: (problem: JsonObjectProblem) => Error): Record<string, unknown> {
  if (body.byteLength === 0) {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw fail({ kind: 'malformed', detail: error instanceof Error ? error.message : String(error) });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw fail({ kind: 'not-an-object' });
  }
  return Object.fromEntries(Object.entries(parsed));
}
