import { describe, expect, it } from '@jest/globals';
import type { Outcome } from '../../contracts/index.ts';
import { buildOrderTrace, renderOrderTrace, type PlacedOrderTiming } from '../../harness/reports/buildOrderTrace.ts';
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

const processorLogs = [
  'START RequestId: req-aaaa-0001 Version: $LATEST',
  `{"level":"INFO","message":"record processed","function_request_id":"req-aaaa-0001","messageId":"msg-fanout-order-processor-40","orderId":"${order.orderId}"}`,
  'END RequestId: req-aaaa-0001',
  'REPORT RequestId: req-aaaa-0001\tDuration: 12.5 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 80 MB\tInit Duration: 210.3 ms',
];

describe('buildOrderTrace', () => {
  it('lists the order path in time order, with each invocation from its REPORT line', () => {
    const rows = buildOrderTrace({
      order,
      expectedConsumers: ['fanout-order-processor', 'fanout-user-notification'],
      outcomes: [collected('fanout-user-notification', 55), collected('fanout-order-processor', 40)],
      deadLetters: [],
      invocations: { 'fanout-order-processor': parseLambdaLogs(processorLogs) },
    });

    expect(rows.map((r) => [r.atMs, r.step, r.consumer, r.invocation])).toEqual([
      [0, 'POST /orders', '', ''],
      [12, 'accepted (202), published', '', ''],
      [40, 'processed (receive 1)', 'order-processor', 'req-aaaa 12.5 ms (+210.3 ms init)'],
      [55, 'processed (receive 1)', 'user-notification', ''],
    ]);
    expect(rows[1]?.detail).toBe(`order ${order.orderId}, event ${order.eventId}; fans out to fanout-order-processor, fanout-user-notification`);
  });

  it('gives each receive of a retried message its own invocation', () => {
    const logs = [
      'START RequestId: req-first',
      '{"function_request_id":"req-first","messageId":"msg-retried"}',
      'REPORT RequestId: req-first\tDuration: 1001 ms\tStatus: timeout',
      'START RequestId: req-second',
      '{"function_request_id":"req-second","messageId":"msg-retried"}',
      'REPORT RequestId: req-second\tDuration: 9 ms',
    ];

    const rows = buildOrderTrace({
      order,
      expectedConsumers: ['fanout-order-processor'],
      outcomes: [
        collected('fanout-order-processor', 1500, { messageId: 'msg-retried', receiveCount: 2 }),
        collected('fanout-order-processor', 900, { messageId: 'msg-retried' }),
      ],
      deadLetters: [],
      invocations: { 'fanout-order-processor': parseLambdaLogs(logs) },
    });

    expect(rows.slice(2).map((r) => [r.step, r.invocation])).toEqual([
      ['processed (receive 1)', 'req-firs 1001 ms'],
      ['processed (receive 2)', 'req-seco 9 ms'],
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

    expect(rows.slice(2).map((r) => [r.atMs, r.step, r.consumer, r.detail])).toEqual([
      [30, 'rejected (receive 1)', 'order-processor', 'SKU-X is discontinued'],
      [1030, 'rejected (receive 2)', 'order-processor', 'SKU-X is discontinued'],
      [3100, 'dead-lettered', 'fanout-order-processor', 'found on its DLQ, receive count 3'],
      [null, 'no outcome', 'fanout-fraud-screening', 'expected by its filter policy, never reported'],
    ]);
  });

  it('renders as an aligned table with a header', () => {
    const text = renderOrderTrace(buildOrderTrace({ order, expectedConsumers: ['fanout-a'], outcomes: [], deadLetters: [] }));
    const lines = text.split('\n');

    expect(lines[0]).toMatch(/^\| \+ms +\| step +\| consumer +\| SQS message \| Lambda invocation \(REPORT\) \| detail +\|$/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines.at(-1)).toContain('| —   | no outcome');
  });
});
