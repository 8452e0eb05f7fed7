import { describe, expect, it } from '@jest/globals';
import { awaitProcessing } from '../../steps/support/processing.ts';
import { discoveredConsumers } from '../reports/fixtures/discoveredTopology.ts';
import { placedOrder, StubPipeline } from './support/stubPipeline.ts';

const [, processor, notification] = discoveredConsumers;
if (!processor || !notification) throw new Error('the fixture topology lost a consumer');
const DEADLINE_MS = 10_000;
const reason = 'simulated bug: cannot render the confirmation';

// SQS moves a message to the dead-letter queue once it has been received maxReceiveCount times (Amazon SQS
// Developer Guide, "Using dead-letter queues in Amazon SQS"): after that no receive, and no processing, follows.
describe('waiting until every consumer meant for an order processed it', () => {
  it('fails at once when a consumer\'s copy lands on its dead-letter queue, naming it and its reason', async () => {
    // Prepare
    const pipeline = new StubPipeline();
    const order = placedOrder('cus-1001', [processor, notification]);
    const other = placedOrder('cus-2002', [notification]);
    const began = Date.now();

    // Act: processed by one consumer, rejected three times and dead-lettered by the other, shortly after
    const waiting = awaitProcessing(pipeline, order, { consumers: order.expected, timeoutMs: DEADLINE_MS });
    setTimeout(() => {
      pipeline.report(other, notification, 'rejected', { detail: `${reason} of the other order` });
      pipeline.report(order, processor, 'processed', { detail: 'priced 2 lines' });
      for (const receiveCount of [1, 2, 3]) pipeline.report(order, notification, 'rejected', { receiveCount, detail: reason });
      pipeline.deadLetter(order, notification);
    }, 50);
    const failure = await waiting.then(() => undefined, (error: unknown) => error);

    // Assess: long before the deadline, with what the consumer said, readable, and about this order only
    expect(Date.now() - began).toBeLessThan(DEADLINE_MS / 2);
    // node:assert's errors come from another realm than Jest's Error, so read the message without instanceof.
    const message = String((failure as { message?: unknown } | undefined)?.message ?? '');
    expect(message).toContain(`1 consumer(s) gave up on order ${order.orderId} of cus-1001`);
    expect(message).toContain('fanout-user-notification (rejected on its last receive)');
    expect(message).toContain(`outcomes for this order: rejected on receives 1, 2, 3: ${reason}`);
    expect(message).toContain(`ERROR record rejected; reason: ${reason}`);
    expect(message).not.toContain('of the other order');
    expect(message).not.toContain('"function_arn"');
    expect(message).not.toContain('fanout-order-processor:');
  });

  it('fails at once when the copy is on the dead-letter queue before any outcome arrived', async () => {
    const pipeline = new StubPipeline();
    const order = placedOrder('cus-3003', [notification]);
    setTimeout(() => pipeline.deadLetter(order, notification), 50);

    await expect(awaitProcessing(pipeline, order, { consumers: order.expected, timeoutMs: DEADLINE_MS })).rejects.toThrow(
      /gave up on order .* fanout-user-notification \(dead-lettered\)/,
    );
  });

  it('keeps waiting after a rejection that SQS will deliver again, and passes once the order is processed', async () => {
    const pipeline = new StubPipeline();
    const order = placedOrder('cus-4004', [notification]);
    setTimeout(() => pipeline.report(order, notification, 'rejected', { receiveCount: 1, detail: 'a passing glitch' }), 20);
    setTimeout(() => pipeline.report(order, notification, 'processed', { receiveCount: 2 }), 120);

    await expect(awaitProcessing(pipeline, order, { consumers: order.expected, timeoutMs: DEADLINE_MS })).resolves.toBeUndefined();
  });

  it('fails at the deadline naming the consumer still missing when nobody gave up', async () => {
    const pipeline = new StubPipeline();
    const order = placedOrder('cus-5005', [processor]);

    await expect(awaitProcessing(pipeline, order, { consumers: order.expected, timeoutMs: 200 })).rejects.toThrow(
      `1 consumer(s) did not process order ${order.orderId} of cus-5005 (correlation id ${order.correlationId}) within 200 ms: fanout-order-processor`,
    );
  });
});
