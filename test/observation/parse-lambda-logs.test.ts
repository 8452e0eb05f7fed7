import { describe, expect, it } from '@jest/globals';
import { invocationOfMessage, parseLambdaLogs } from '../../harness/observation/parseLambdaLogs.ts';

describe('parseLambdaLogs', () => {
  const lines = [
    'START RequestId: r-1 Version: $LATEST',
    '{"level":"INFO","function_request_id":"r-1","messageId":"m-1","orderId":"o-1","correlationId":"c-1"}',
    '2025-01-01T10:00:00.000Z\tr-1\tINFO\t{"level":"INFO","function_request_id":"r-1","messageId":"m-2"}',
    'END RequestId: r-1',
    'REPORT RequestId: r-1\tDuration: 101.25 ms\tBilled Duration: 102 ms\tMemory Size: 128 MB\tMax Memory Used: 77 MB\tStatus: timeout',
    'START RequestId: r-2 Version: $LATEST',
    'plain text the handler printed',
    '{"not":"structured by powertools"}',
    '{ broken json',
  ];

  it('groups START, handler and REPORT lines by request id', () => {
    const [first, second] = parseLambdaLogs(lines);

    expect(first).toEqual({
      requestId: 'r-1',
      report: {
        requestId: 'r-1',
        durationMs: 101.25,
        billedDurationMs: 102,
        maxMemoryUsedMb: 77,
        initDurationMs: null,
        line: lines[4],
      },
      messageIds: new Set(['m-1', 'm-2']),
      orderIds: new Set(['o-1']),
      correlationIds: new Set(['c-1']),
    });
    expect(second).toMatchObject({ requestId: 'r-2', report: null, messageIds: new Set() });
  });

  it('finds the invocation that handled a message', () => {
    const invocations = parseLambdaLogs(lines);

    expect(invocationOfMessage(invocations, 'm-2')?.requestId).toBe('r-1');
    expect(invocationOfMessage(invocations, 'm-9')).toBeUndefined();
  });
});
