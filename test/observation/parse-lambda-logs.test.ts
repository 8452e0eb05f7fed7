import { describe, expect, it } from '@jest/globals';
import { toLogRecord } from '../../harness/observation/LambdaLogRecord.ts';
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
      startedAt: null,
      endedAt: null,
      messageIds: new Set(['m-1', 'm-2']),
      orderIds: new Set(['o-1']),
      correlationIds: new Set(['c-1']),
      lines: [0, 1, 2, 3, 4].map((i) => toLogRecord(lines[i] ?? '')),
    });
    expect(first?.lines.map((line) => ({ timestamp: line.timestamp, message: line.text }))).toEqual([0, 1, 2, 3, 4].map((i) => ({ timestamp: null, message: lines[i] })));
    expect(first?.lines.map((line) => line.platform?.kind ?? line.level)).toEqual(['start', 'INFO', 'INFO', 'end', 'report']);
    expect(second).toMatchObject({ requestId: 'r-2', report: null, messageIds: new Set() });
    expect(second?.lines.map((line) => line.text)).toEqual([lines[5]]);
  });

  it('dates an invocation by the times of its START and REPORT lines, and keeps its timeout line', () => {
    const [only] = parseLambdaLogs([
      { timestamp: 1000, message: 'START RequestId: r-3 Version: $LATEST' },
      { timestamp: 1001, message: 'START RequestId: r-4 Version: $LATEST' },
      { timestamp: 2000, message: '2025-01-01T10:00:01.000Z r-3 Task timed out after 1.00 seconds' },
      { timestamp: 2001, message: 'REPORT RequestId: r-3\tDuration: 1000.00 ms\tBilled Duration: 1000 ms\tMemory Size: 128 MB\tMax Memory Used: 77 MB\tStatus: timeout' },
    ]);

    expect(only).toMatchObject({ requestId: 'r-3', startedAt: 1000, endedAt: 2001 });
    expect(only?.lines.map((line) => line.timestamp)).toEqual([1000, 2000, 2001]);
  });

  it('finds the invocation that handled a message', () => {
    const invocations = parseLambdaLogs(lines);

    expect(invocationOfMessage(invocations, 'm-2')?.requestId).toBe('r-1');
    expect(invocationOfMessage(invocations, 'm-9')).toBeUndefined();
  });
});
