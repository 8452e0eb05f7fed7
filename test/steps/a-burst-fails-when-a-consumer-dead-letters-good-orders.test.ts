import { describe, expect, it, jest } from '@jest/globals';
import type { World } from '@cucumber/cucumber';
import { accountForBurst, expectBurstProcessed, type BurstWorld } from '../../steps/support/bursts.ts';
import { discoveredConsumers } from '../reports/fixtures/discoveredTopology.ts';
import { placedOrder, StubPipeline } from './support/stubPipeline.ts';

const [, processor, notification] = discoveredConsumers;
if (!processor || !notification) throw new Error('the fixture topology lost a consumer');
const consumers = [processor, notification];

function burstWorld(pipeline: StubPipeline): BurstWorld & { attached: string[] } {
  const attached: string[] = [];
  const attach = jest.fn((data: unknown) => {
    attached.push(String(data));
  }) as unknown as World['attach'];
  return { suite: pipeline, consumers, attach, attached };
}

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
    const world = burstWorld(pipeline);
    const began = Date.now();

    await expect(accountForBurst(world, orders)).resolves.toBeUndefined();

    // Settled at once: nothing waits for the burst deadline when every copy is processed or given up.
    expect(Date.now() - began).toBeLessThan(2000);
    expect(world.attached[0]).toMatch(/\| fanout-user-notification +\| 20 +\| 0 +\| 20 +\| 0 +\|/);
    expect(world.attached[0]).toMatch(/\| fanout-order-processor +\| 20 +\| 20 +\| 0 +\| 0 +\|/);
  });

  it('fails, naming the consumer, how many it dead-lettered and its rejection reason', async () => {
    const failure = await expectBurstProcessed(burstWorld(pipeline), orders).then(() => undefined, (error: unknown) => error);
    const message = String((failure as { message?: unknown } | undefined)?.message ?? '');

    expect(message).toContain('fanout-user-notification did not process 20 of the 20 orders its subscription accepts: 20 dead-lettered, 0 rejected on their last receive, 0 missing');
    expect(message).toContain('its rejection reasons: "simulated bug: cannot render the confirmation of <id>" (60 times)');
    expect(message).toContain(`the first of them, ${orders[0]?.orderId} (cus-burst-0)`);
    expect(message).not.toContain('fanout-order-processor did not process');
  });

  it('passes when every consumer processed every order', async () => {
    const clean = new StubPipeline();
    for (const order of orders) for (const consumer of consumers) clean.report(order, consumer, 'processed');

    await expect(accountForBurst(burstWorld(clean), orders)).resolves.toBeUndefined();
    await expect(expectBurstProcessed(burstWorld(clean), orders)).resolves.toBeUndefined();
  });
});
