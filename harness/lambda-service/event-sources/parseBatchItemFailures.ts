/** What a function with ReportBatchItemFailures said about its batch. */
export type BatchReport =
  | { kind: 'success' }
  | { kind: 'partial'; failedMessageIds: ReadonlySet<string> }
  | { kind: 'invalid'; reason: string };

/**
 * Reads a `{ batchItemFailures: [{ itemIdentifier }] }` response the way
 * Lambda does: an empty or null response, or an empty or null list, is a
 * success; anything malformed (not JSON, not an object, an empty, null or
 * unknown itemIdentifier) fails the whole batch.
 */
export function parseBatchItemFailures(payload: Uint8Array, messageIds: ReadonlySet<string>): BatchReport {
  const text = Buffer.from(payload).toString('utf8').trim();
  if (text === '' || text === 'null') {
    return { kind: 'success' };
  }
  let response: unknown;
  try {
    response = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'the response is not JSON' };
  }
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    return { kind: 'invalid', reason: 'the response is not an object' };
  }
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) {
    return { kind: 'success' };
  }
  if (!Array.isArray(failures)) {
    return { kind: 'invalid', reason: 'batchItemFailures is not a list' };
  }
  const failed = new Set<string>();
  for (const failure of failures as unknown[]) {
    const id = typeof failure === 'object' && failure !== null ? (failure as { itemIdentifier?: unknown }).itemIdentifier : undefined;
    if (typeof id !== 'string' || id === '') {
      return { kind: 'invalid', reason: `an itemIdentifier is ${JSON.stringify(id ?? null)}` };
    }
    if (!messageIds.has(id)) {
      return { kind: 'invalid', reason: `itemIdentifier ${id} is not a message of the batch` };
    }
    failed.add(id);
  }
  return failed.size === 0 ? { kind: 'success' } : { kind: 'partial', failedMessageIds: failed };
}
