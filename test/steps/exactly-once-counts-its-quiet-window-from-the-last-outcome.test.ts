import { describe, expect, it } from '@jest/globals';
import { expectProcessedExactlyOnce } from '../../steps/support/deadLetters.ts';
import { QUIET_WINDOW_MS } from '../../steps/support/timeouts.ts';
import { discoveredConsumers } from '../reports/fixtures/discoveredTopology.ts';
import { placedOrder, StubPipeline } from './support/stubPipeline.ts';

const [, processor, notification] = discoveredConsumers;
if (!processor || !notification) throw new Error('the fixture topology lost a consumer');

/** The pipeline, and the deadlines of the waits the check made on it. */
function watched(pipeline: StubPipeline): { pipeline: StubPipeline; waits: number[] } {
  const waits: number[] = [];
  const until = pipeline.until.bind(pipeline);
  pipeline.until = (check, options) => {
    waits.push(options.timeoutMs);
    return until(check, options);
  };
  return { pipeline, waits };
}

// "Exactly once" holds over a quiet window after every consumer processed the order: a duplicate delivery
// (SQS's at-least-once delivery, Amazon SQS Developer Guide, "Amazon SQS standard queues") would show up then.
describe('checking that an order was processed exactly once', () => {
  it('waits no quiet window when the last consumer processed the order longer ago than that window', async () => {
    // Prepare: both consumers processed it a second ago (a step that came after a long one)
    const { pipeline, waits } = watched(new StubPipeline());
    const order = placedOrder('cus-1001', [processor, notification]);
    pipeline.report(order, processor, 'processed', { msAgo: 1200 });
    pipeline.report(order, notification, 'processed', { msAgo: QUIET_WINDOW_MS + 600 });

    // Act
    await expectProcessedExactlyOnce(pipeline, order, order.expected);

    // Assess: the only wait was the one for the outcomes, which were there
    expect(waits.filter((ms) => ms <= QUIET_WINDOW_MS)).toEqual([]);
  });

  it('waits what is left of the window after the last outcome, and fails on a duplicate within it', async () => {
    // Prepare: processed just now by both
    const { pipeline, waits } = watched(new StubPipeline());
    const order = placedOrder('cus-2002', [processor, notification]);
    pipeline.report(order, processor, 'processed', { msAgo: 50 });
    pipeline.report(order, notification, 'processed');

    // Act: the notification consumer gets the same message again, 100 ms later
    setTimeout(() => pipeline.report(order, notification, 'processed', { receiveCount: 2 }), 100);
    const failure = await expectProcessedExactlyOnce(pipeline, order, order.expected).then(() => undefined, (error: unknown) => error);

    // Assess
    const quietWait = waits.find((ms) => ms <= QUIET_WINDOW_MS);
    expect(quietWait).toBeGreaterThan(QUIET_WINDOW_MS - 100);
    expect(String((failure as { message?: unknown } | undefined)?.message ?? '')).toContain(`was not processed exactly once by (checked until ${QUIET_WINDOW_MS} ms after every consumer processed it)`);
  });
});
