import { describe, expect, it } from '@jest/globals';
import { burstTally, expectBurstProcessed, expectNothingLost, settleBurst } from '../../steps/support/bursts.ts';
import { discoveredConsumers } from '../reports/fixtures/discoveredTopology.ts';
import { placedOrder, StubPipeline } from './support/stubPipeline.ts';

const [, processor, notification] = discoveredConsumers;
if (!processor || !notification) throw new Error('the fixture topology lost a consumer');
const consumers = [processor, notification];

// features/burst.feature: the burst's orders are all good, so a dead letter is a failure, while the
// "nothing lost" tally still counts it as accounted for.
describe('a burst in which one consumer dead-letters every good order', () => {
  const pipeline = new StubPipeline();
  const orders = Array.from({ length: 20 }, (_, n) => placedOrder(`cus-burst-${n}`, consumers));
  for (const order of orders) {
    pipeline.report(order, processor, 'processed');
    for (const receiveCount of [1, 2, 3]) {
      pipeline.report(order, notification, 'rejected', { receiveCount, detail: `simulated bug: cannot render the confirmation of ${order.orderId}` });
    }
    pipeline.deadLetter(order, notification);
  }

  it('loses nothing: every order is accounted for, and the tally says how', async () => {
    const began = Date.now();

    const accounts = await settleBurst(pipeline, consumers, orders);
    await expect(expectNothingLost(pipeline, accounts)).resolves.toBeUndefined();

    // Settled at once: nothing waits for the burst deadline when every copy is processed or given up.
    expect(Date.now() - began).toBeLessThan(2000);
    // The tally the step attaches to the report.
    const tally = burstTally(accounts);
    expect(tally).toMatch(/\| fanout-user-notification +\| 20 +\| 0 +\| 20 +\| 0 +\|/);
    expect(tally).toMatch(/\| fanout-order-processor +\| 20 +\| 20 +\| 0 +\| 0 +\|/);
  });

  it('fails, naming the consumer, how many it dead-lettered and its rejection reason', async () => {
    const failure = await expectBurstProcessed(pipeline, consumers, orders).then(() => undefined, (error: unknown) => error);
    const message = String((failure as { message?: unknown } | undefined)?.message ?? '');

    expect(message).toContain('fanout-user-notification did not process 20 of the 20 orders its subscription accepts: 20 dead-lettered, 0 rejected on their last receive, 0 missing');
    expect(message).toContain('its rejection reasons: "simulated bug: cannot render the confirmation of <id>" (60 times)');
    expect(message).toContain(`the first of them, ${orders[0]?.orderId} (cus-burst-0)`);
    expect(message).not.toContain('fanout-order-processor did not process');
  });

  it('passes when every consumer processed every order', async () => {
    const clean = new StubPipeline();
    for (const order of orders) for (const consumer of consumers) clean.report(order, consumer, 'processed');

    await expect(expectNothingLost(clean, await settleBurst(clean, consumers, orders))).resolves.toBeUndefined();
    await expect(expectBurstProcessed(clean, consumers, orders)).resolves.toBeUndefined();
  });
});
