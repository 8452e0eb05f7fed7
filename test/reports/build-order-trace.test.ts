import { describe, expect, it } from '@jest/globals';
import type { Outcome } from '../../contracts/index.ts';
import { buildOrderTrace, summarizeOrderTrace, type PlacedOrderTiming } from '../../harness/reports/buildOrderTrace.ts';
import { renderOrderTraceSvg, traceTime } from '../../harness/reports/renderOrderTraceSvg.ts';
import type { CollectedOutcome } from '../../harness/observation/OutcomeCollector.ts';
import { parseLambdaLogs } from '../../harness/observation/parseLambdaLogs.ts';

const postedAt = Date.parse('2025-01-01T10:00:00.000Z');
const order: PlacedOrderTiming = {
  orderId: 'order-1111-aaaa',
  eventId: 'event-2222-bbbb',
  correlationId: 'spec-trace-1',
  postedAt,
  acceptedAt: postedAt + 12,
  status: 202,
};

function collected(functionName: string, atMs: number, overrides: Partial<Outcome> = {}): CollectedOutcome {
  return {
    outcome: {
      consumer: functionName.replace('fanout-', ''),
      functionName,
      orderId: order.orderId,
      eventId: order.eventId,
      messageId: `msg-${functionName}-${atMs}`,
      receiveCount: 1,
      correlationId: order.correlationId,
      result: 'processed',
      processedAt: new Date(postedAt + atMs).toISOString(),
      ...overrides,
    },
    sentAt: postedAt + atMs + 1,
    receivedAt: postedAt + atMs + 3,
  };
}

// Log events as CloudWatch Logs (or the embedded Lambda service) gives them: each line with its time.
const processorLogs = [
  { timestamp: postedAt + 26, message: 'START RequestId: req-aaaa-0001 Version: $LATEST' },
  { timestamp: postedAt + 41, message: `{"level":"INFO","message":"record processed","function_request_id":"req-aaaa-0001","messageId":"msg-fanout-order-processor-40","orderId":"${order.orderId}"}` },
  { timestamp: postedAt + 42, message: 'END RequestId: req-aaaa-0001' },
  { timestamp: postedAt + 42, message: 'REPORT RequestId: req-aaaa-0001\tDuration: 12.5 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 80 MB\tInit Duration: 210.3 ms' },
];

describe('buildOrderTrace', () => {
  it('lists the journey in time order on one clock, each invocation dated by its START and REPORT lines', () => {
    const rows = buildOrderTrace({
      order,
      expectedConsumers: ['fanout-order-processor', 'fanout-user-notification'],
      // user-notification reports before the 202 arrives: SNS delivers while the publisher answers.
      outcomes: [collected('fanout-user-notification', 8), collected('fanout-order-processor', 40)],
      deadLetters: [],
      invocations: { 'fanout-order-processor': parseLambdaLogs(processorLogs) },
    });

    expect(rows.map((r) => [traceTime(r), r.lane, r.kind, r.what])).toEqual([
      ['+0 → 12 ms', 'client', 'request', 'POST /orders, answered 202'],
      ['+8 ms', 'fanout-user-notification', 'processed', 'processed (receive 1)'],
      ['+26 → 42 ms', 'fanout-order-processor', 'invocation', 'Lambda invocation (receive 1)'],
      ['+40 ms', 'fanout-order-processor', 'processed', 'processed (receive 1)'],
    ]);
    expect(rows[0]?.detail).toBe('event event-22, meant for fanout-order-processor, fanout-user-notification');
    expect(rows[2]?.detail).toBe('request req-aaaa, Duration 12.5 ms, Init Duration 210.3 ms (cold start)');
    const times = rows.map((r) => r.atMs ?? Number.POSITIVE_INFINITY);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('names the invocation beside its outcome when the logs carry no times', () => {
    const rows = buildOrderTrace({
      order,
      expectedConsumers: ['fanout-order-processor'],
      outcomes: [collected('fanout-order-processor', 40)],
      deadLetters: [],
      invocations: { 'fanout-order-processor': parseLambdaLogs(processorLogs.map((event) => event.message)) },
    });

    expect(rows.map((r) => r.kind)).toEqual(['request', 'processed']);
    expect(rows[1]?.detail).toBe('request req-aaaa, Duration 12.5 ms, Init Duration 210.3 ms (cold start)');
  });

  it('gives each receive of a retried message its own invocation', () => {
    const logs = [
      { timestamp: postedAt + 100, message: 'START RequestId: req-first' },
      { timestamp: postedAt + 101, message: '{"function_request_id":"req-first","messageId":"msg-retried"}' },
      { timestamp: postedAt + 1101, message: 'REPORT RequestId: req-first\tDuration: 1001 ms\tStatus: timeout' },
      { timestamp: postedAt + 1400, message: 'START RequestId: req-second' },
      { timestamp: postedAt + 1401, message: '{"function_request_id":"req-second","messageId":"msg-retried"}' },
      { timestamp: postedAt + 1410, message: 'REPORT RequestId: req-second\tDuration: 9 ms' },
    ];

    const rows = buildOrderTrace({
      order,
      expectedConsumers: ['fanout-order-processor'],
      outcomes: [
        collected('fanout-order-processor', 1405, { messageId: 'msg-retried', receiveCount: 2 }),
        collected('fanout-order-processor', 900, { messageId: 'msg-retried' }),
      ],
      deadLetters: [],
      invocations: { 'fanout-order-processor': parseLambdaLogs(logs) },
    });

    expect(rows.slice(1).map((r) => [traceTime(r), r.what, r.detail])).toEqual([
      ['+100 → 1101 ms', 'Lambda invocation (receive 1)', 'request req-firs, Duration 1001 ms'],
      ['+900 ms', 'processed (receive 1)', ''],
      ['+1400 → 1410 ms', 'Lambda invocation (receive 2)', 'request req-seco, Duration 9 ms'],
      ['+1405 ms', 'processed (receive 2)', ''],
    ]);
  });

  it('shows retries, the dead letter, and every expected consumer never heard from', () => {
    const rows = buildOrderTrace({
      order,
      expectedConsumers: ['fanout-order-processor', 'fanout-fraud-screening'],
      outcomes: [
        collected('fanout-order-processor', 1030, { result: 'rejected', receiveCount: 2, detail: 'SKU-X is discontinued' }),
        collected('fanout-order-processor', 30, { result: 'rejected', receiveCount: 1, detail: 'SKU-X is discontinued' }),
      ],
      deadLetters: [
        {
          functionName: 'fanout-order-processor',
          messageId: 'dead-1',
          orderId: order.orderId,
          eventId: order.eventId,
          correlationId: order.correlationId,
          receiveCount: 3,
          sentAt: postedAt + 20,
          receivedAt: postedAt + 3100,
          body: '{}',
        },
      ],
    });

    expect(rows.slice(1).map((r) => [r.atMs, r.kind, r.lane, r.detail])).toEqual([
      [30, 'rejected', 'fanout-order-processor', 'SKU-X is discontinued'],
      [1030, 'rejected', 'fanout-order-processor', 'SKU-X is discontinued'],
      [3100, 'dead-lettered', 'fanout-order-processor', 'message dead-1, receive count 3'],
      [null, 'missing', 'fanout-fraud-screening', 'meant for it by its filter policy, never reported'],
    ]);
    expect(summarizeOrderTrace(rows, ['fanout-order-processor', 'fanout-fraud-screening'])).toBe('processed by 0 of the 2 consumers meant for it; dead-lettered by fanout-order-processor');
  });

  it('renders as an SVG with one row per event, readable back by time and kind', () => {
    const rows = buildOrderTrace({ order, expectedConsumers: ['fanout-a'], outcomes: [collected('fanout-a', 20)], deadLetters: [] });
    const svg = renderOrderTraceSvg(rows, 'Journey of order <1111>');

    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>Journey of order &lt;1111&gt;</title>');
    expect([...svg.matchAll(/data-at-ms="(\d*)" data-until-ms="(\d*)" data-kind="([a-z-]+)"/g)].map((m) => m.slice(1))).toEqual([
      ['0', '12', 'request'],
      ['20', '', 'processed'],
    ]);
  });
});
