import { randomUUID } from 'node:crypto';
import { exampleOrder, type Outcome } from '../../../contracts/index.ts';
import type { LambdaLogEvent } from '../../../harness/backends/types.ts';
import type { DiscoveredConsumer } from '../../../harness/discovery/types.ts';
import type { DeadLetter } from '../../../harness/observation/DeadLetterCollector.ts';
import type { CollectedOutcome } from '../../../harness/observation/OutcomeCollector.ts';
import { Waiters } from '../../../harness/observation/Waiters.ts';
import type { PlacedOrder } from '../../../steps/support/types.ts';
import type { ObservedPipeline } from '../../../steps/support/observedPipeline.ts';

/**
 * An ObservedPipeline over in-memory outcomes, dead letters and log events, with real Waiters: a test adds
 * what the collectors would have collected, and every wait re-checks, as with the real collectors.
 */
export class StubPipeline implements ObservedPipeline {
  readonly #waiters = new Waiters();
  readonly #outcomes: CollectedOutcome[] = [];
  readonly #letters: DeadLetter[] = [];
  readonly #logs = new Map<string, LambdaLogEvent[]>();
  readonly pollErrors: string[] = [];

  readonly stack = {
    readLambdaLogs: async (functionName: string) => (this.#logs.get(functionName) ?? []).map((event) => event.message),
    readLambdaLogEvents: async (functionName: string) => this.#logs.get(functionName) ?? [],
  };

  readonly outcomes = {
    forOrder: (orderId: string) => this.#outcomes.filter((o) => o.outcome.orderId === orderId),
    forCorrelationId: (id: string) => this.#outcomes.filter((o) => o.outcome.correlationId === id),
    health: () => ({ failedDeletes: 0, redelivered: 0 }),
    malformed: () => [],
  };

  readonly deadLetters = {
    forOrder: (orderId: string) => this.#letters.filter((l) => l.orderId === orderId),
    forConsumer: (functionName: string) => this.#letters.filter((l) => l.functionName === functionName),
    othersOn: () => 0,
    all: () => this.#letters,
  };

  until<T>(check: () => T | undefined, options: { timeoutMs: number }): Promise<T | undefined> {
    return this.#waiters.until(check, options);
  }

  /** The consumer reports an outcome for the order, and logs its invocation (START, the record's line, REPORT); `msAgo` dates it back. */
  report(order: PlacedOrder, consumer: DiscoveredConsumer, result: Outcome['result'], options: { receiveCount?: number; detail?: string; msAgo?: number } = {}): void {
    const now = Date.now() - (options.msAgo ?? 0);
    const messageId = `msg-${consumer.functionName}-${order.orderId}`;
    const requestId = randomUUID();
    const outcome: Outcome = {
      consumer: consumer.functionName.replace(/^fanout-/, ''),
      functionName: consumer.functionName,
      orderId: order.orderId,
      eventId: order.eventId,
      messageId,
      receiveCount: options.receiveCount ?? 1,
      correlationId: order.correlationId,
      result,
      ...(options.detail === undefined ? {} : { detail: options.detail }),
      processedAt: new Date(now).toISOString(),
    };
    const level = result === 'processed' ? 'INFO' : 'ERROR';
    const line = {
      level, message: `record ${result}`, timestamp: new Date(now).toISOString(), service: outcome.consumer, cold_start: false,
      function_request_id: requestId, messageId, correlationId: order.correlationId, orderId: order.orderId,
      ...(result === 'rejected' ? { reason: options.detail } : { detail: options.detail }),
    };
    const log = this.#logs.get(consumer.functionName) ?? [];
    log.push(
      { timestamp: now - 5, message: `START RequestId: ${requestId} Version: $LATEST` },
      { timestamp: now, message: JSON.stringify(line) },
      { timestamp: now + 1, message: `END RequestId: ${requestId}` },
      { timestamp: now + 1, message: `REPORT RequestId: ${requestId}\tDuration: 6.00 ms\tBilled Duration: 6 ms\tMemory Size: 128 MB\tMax Memory Used: 90 MB\t` },
    );
    this.#logs.set(consumer.functionName, log);
    this.#outcomes.push({ outcome, sentAt: now, receivedAt: now });
    this.#waiters.notify();
  }

  /** The order's copy shows up on the consumer's dead-letter queue. */
  deadLetter(order: PlacedOrder, consumer: DiscoveredConsumer): void {
    this.#letters.push({
      functionName: consumer.functionName,
      messageId: `msg-${consumer.functionName}-${order.orderId}`,
      orderId: order.orderId,
      eventId: order.eventId,
      correlationId: order.correlationId,
      receiveCount: consumer.maxReceiveCount,
      sentAt: Date.now(),
      receivedAt: Date.now(),
      body: '{}',
    });
    this.#waiters.notify();
  }
}

/** A placed order meant for the given consumers. */
export function placedOrder(customer: string, expected: readonly DiscoveredConsumer[]): PlacedOrder {
  const orderId = randomUUID();
  const eventId = randomUUID();
  const correlationId = `spec-test-${customer}-${randomUUID()}`;
  const postedAt = Date.now();
  return {
    request: { ...exampleOrder, customer: { id: customer } },
    orderId,
    eventId,
    correlationId,
    timing: { orderId, eventId, correlationId, postedAt, acceptedAt: postedAt + 5, status: 202 },
    expected: [...expected],
  };
}
