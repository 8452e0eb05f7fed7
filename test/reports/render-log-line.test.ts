import { describe, expect, it } from '@jest/globals';
import { toLogRecord } from '../../harness/observation/LambdaLogRecord.ts';
import { renderLogLine } from '../../harness/reports/renderLogLine.ts';

describe('renderLogLine', () => {
  it('reads a Powertools JSON line as level, message and the keys that are not boilerplate', () => {
    const line = JSON.stringify({
      level: 'ERROR', message: 'record rejected', timestamp: '2026-12-01T21:56:11.393Z', service: 'user-notification', cold_start: false,
      function_arn: 'arn:aws:lambda:us-east-1:000000000000:function:fanout-user-notification', function_memory_size: '128',
      function_name: 'fanout-user-notification', function_request_id: 'r-1', sampling_rate: 0, xray_trace_id: 'x',
      messageId: 'm-1', correlationId: 'c-1', orderId: 'o-1', reason: 'SKU-X is discontinued',
    });

    expect(renderLogLine(line)).toBe('ERROR record rejected; reason: SKU-X is discontinued');
  });

  it('names an error by its name and message', () => {
    const line = JSON.stringify({ level: 'ERROR', message: 'could not report the processed outcome', error: { name: 'TimeoutError', message: 'socket hang up', stack: '...' } });

    expect(renderLogLine(line)).toBe('ERROR could not report the processed outcome; error: TimeoutError: socket hang up');
  });

  it('leaves platform lines and other text as they are', () => {
    expect(renderLogLine('REPORT RequestId: r-1\tDuration: 5.49 ms\t')).toBe('REPORT RequestId: r-1\tDuration: 5.49 ms');
    expect(renderLogLine('{ not json')).toBe('{ not json');
  });

  it('renders a record from its fields as read, without parsing its text again', () => {
    const record = { ...toLogRecord('{"level":"WARN","message":"as logged"}'), fields: { level: 'ERROR', message: 'record rejected', reason: 'from the fields' } };

    expect(renderLogLine(record)).toBe('ERROR record rejected; reason: from the fields');
  });
});
