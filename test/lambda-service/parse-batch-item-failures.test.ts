import { describe, expect, it } from '@jest/globals';
import { parseBatchItemFailures } from '../../harness/lambda-service/event-sources/parseBatchItemFailures.ts';

const ids = new Set(['m-1', 'm-2']);
const parse = (response: unknown) => parseBatchItemFailures(Buffer.from(response === undefined ? '' : JSON.stringify(response)), ids);

describe('reading a ReportBatchItemFailures response', () => {
  it('treats an empty or null response, or an empty or null list, as a success', () => {
    expect(parse(undefined)).toEqual({ kind: 'success' });
    expect(parse(null)).toEqual({ kind: 'success' });
    expect(parse({})).toEqual({ kind: 'success' });
    expect(parse({ batchItemFailures: [] })).toEqual({ kind: 'success' });
    expect(parse({ batchItemFailures: null })).toEqual({ kind: 'success' });
  });

  it('names the reported messages', () => {
    expect(parse({ batchItemFailures: [{ itemIdentifier: 'm-2' }] })).toEqual({
      kind: 'partial',
      failedMessageIds: new Set(['m-2']),
    });
  });

  it('fails the whole batch on an invalid report', () => {
    for (const invalid of [
      { batchItemFailures: [{ itemIdentifier: '' }] },
      { batchItemFailures: [{ itemIdentifier: null }] },
      { batchItemFailures: [{ itemId: 'm-1' }] },
      { batchItemFailures: [{ itemIdentifier: 'unknown' }] },
      { batchItemFailures: 'm-1' },
      'not an object',
      [{ itemIdentifier: 'm-1' }],
    ]) {
      expect(parse(invalid)).toMatchObject({ kind: 'invalid' });
    }
    expect(parseBatchItemFailures(Buffer.from('{oops'), ids)).toMatchObject({ kind: 'invalid' });
  });
});
