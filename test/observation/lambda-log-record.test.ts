import { describe, expect, it } from '@jest/globals';
import { reportLine, startLine } from '../../contracts/lambdaPlatformLines.ts';
import { toLogRecord } from '../../harness/observation/LambdaLogRecord.ts';

describe('toLogRecord', () => {
  const stream = '2025/01/01/[$LATEST]0123456789abcdef0123456789abcdef';

  it('reads a platform line once: request id, stream, time and the parsed REPORT fields', () => {
    const text = reportLine({ requestId: 'r-1', durationMs: 12.5, memorySizeMb: 128, maxMemoryUsedMb: 70 });

    expect(toLogRecord({ timestamp: 42, message: `${text}\n`, logStreamName: stream })).toEqual({
      timestamp: 42,
      logStream: stream,
      requestId: 'r-1',
      level: null,
      text: text.trimEnd(),
      platform: {
        kind: 'report',
        requestId: 'r-1',
        report: { requestId: 'r-1', durationMs: 12.5, billedDurationMs: 13, memorySizeMb: 128, maxMemoryUsedMb: 70, initDurationMs: null, status: null, errorType: null },
      },
      fields: null,
    });
    expect(toLogRecord(startLine('r-2'))).toMatchObject({ timestamp: null, logStream: null, requestId: 'r-2', platform: { kind: 'start' } });
  });

  it('reads a structured handler line: its level, its request id and its fields', () => {
    const line = '{"level":"ERROR","message":"record rejected","function_request_id":"r-3","orderId":"o-1"}';

    expect(toLogRecord({ timestamp: 7, message: line })).toEqual({
      timestamp: 7,
      logStream: null,
      requestId: 'r-3',
      level: 'ERROR',
      text: line,
      platform: null,
      fields: { level: 'ERROR', message: 'record rejected', function_request_id: 'r-3', orderId: 'o-1' },
    });
  });

  it('reads the Node runtime text format, and keeps any other line as text only', () => {
    expect(toLogRecord('2025-01-01T10:00:00.000Z\tr-4\tWARN\tslow downstream')).toMatchObject({ requestId: 'r-4', level: 'WARN', platform: null, fields: null });
    expect(toLogRecord('plain text the handler printed  ')).toEqual({
      timestamp: null,
      logStream: null,
      requestId: null,
      level: null,
      text: 'plain text the handler printed',
      platform: null,
      fields: null,
    });
  });
});
