import { describe, expect, it } from '@jest/globals';
import { endLine, parsePlatformLine, parseReportLine, reportLine, startLine, timeoutLine } from '../../contracts/lambdaPlatformLines.ts';

// The shapes AWS documents: the Lambda developer guide, "Working with Lambda function logs" for Node.js
// (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html, "Example log format"), and the
// operator guide's "How CloudWatch structures logs"
// (https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html): START, END and a REPORT line
// of tab-separated fields ending in a tab, as CloudWatch Logs stores it (with its newline).
const AWS_REPORT = 'REPORT RequestId: 76269889-7d50-4d6d-a3f1-9b4f5322f47c\tDuration: 14.97 ms\tBilled Duration: 15 ms\tMemory Size: 128 MB\tMax Memory Used: 67 MB\t\n';
const AWS_COLD_REPORT =
  'REPORT RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac\tDuration: 170.19 ms\tBilled Duration: 171 ms\tMemory Size: 128 MB\tMax Memory Used: 73 MB\tInit Duration: 167.83 ms\t';

describe('the Lambda platform lines contract', () => {
  it('writes START, END and REPORT in AWS wording, REPORT with its trailing tab', () => {
    expect(startLine('r-1')).toBe('START RequestId: r-1 Version: $LATEST');
    expect(endLine('r-1')).toBe('END RequestId: r-1');
    expect(reportLine({ requestId: 'r-1', durationMs: 101.254, memorySizeMb: 128, maxMemoryUsedMb: 77, initDurationMs: 210.3 })).toBe(
      'REPORT RequestId: r-1\tDuration: 101.25 ms\tBilled Duration: 102 ms\tMemory Size: 128 MB\tMax Memory Used: 77 MB\tInit Duration: 210.30 ms\t',
    );
    expect(reportLine({ requestId: 'r-2', durationMs: 0.2, memorySizeMb: 128, maxMemoryUsedMb: 60, status: 'timeout', errorType: 'Sandbox.Timedout' })).toBe(
      'REPORT RequestId: r-2\tDuration: 0.20 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tStatus: timeout\tError Type: Sandbox.Timedout\t',
    );
    expect(timeoutLine('r-3', 1, new Date('2025-01-01T10:00:01.000Z'))).toBe('2025-01-01T10:00:01.000Z r-3 Task timed out after 1.00 seconds');
  });

  it('reads the REPORT lines AWS writes, warm and cold', () => {
    expect(parseReportLine(AWS_REPORT)).toEqual({
      requestId: '76269889-7d50-4d6d-a3f1-9b4f5322f47c',
      durationMs: 14.97,
      billedDurationMs: 15,
      memorySizeMb: 128,
      maxMemoryUsedMb: 67,
      initDurationMs: null,
      status: null,
      errorType: null,
    });
    expect(parseReportLine(AWS_COLD_REPORT)).toMatchObject({ durationMs: 170.19, billedDurationMs: 171, initDurationMs: 167.83 });
  });

  it('reads back every line it writes: one build, one parse', () => {
    const fields = { requestId: 'r-4', durationMs: 1000, memorySizeMb: 256, maxMemoryUsedMb: 90, initDurationMs: 12.5, status: 'error', errorType: 'Runtime.ExitError' } as const;

    expect(parsePlatformLine(startLine('r-4'))).toEqual({ kind: 'start', requestId: 'r-4', version: '$LATEST' });
    expect(parsePlatformLine(endLine('r-4'))).toEqual({ kind: 'end', requestId: 'r-4' });
    expect(parsePlatformLine(timeoutLine('r-4', 3))).toEqual({ kind: 'timeout', requestId: 'r-4', timeoutSeconds: 3 });
    expect(parsePlatformLine(reportLine(fields))).toEqual({
      kind: 'report',
      requestId: 'r-4',
      report: { requestId: 'r-4', durationMs: 1000, billedDurationMs: 1000, memorySizeMb: 256, maxMemoryUsedMb: 90, initDurationMs: 12.5, status: 'error', errorType: 'Runtime.ExitError' },
    });
  });

  it('leaves the function\'s own lines alone, even when they mention a request id', () => {
    expect(parsePlatformLine('2025-01-01T10:00:00.000Z\tr-1\tINFO\tprocessing REPORT RequestId: r-1')).toBeNull();
    expect(parsePlatformLine('{"level":"INFO","message":"START RequestId: r-1"}')).toBeNull();
    expect(parsePlatformLine('INIT_START Runtime Version: nodejs:24.11.0')).toBeNull();
    expect(parseReportLine('REPORT without fields')).toBeNull();
  });
});
