import { describe, expect, it } from '@jest/globals';
import { CompletionTracker } from '../../harness/bench/CompletionTracker.ts';
import { runClosedLoop } from '../../harness/bench/loadShapes.ts';

describe('CompletionTracker', () => {
  it('completes an order with its last consumer, at that arrival time', async () => {
    const tracker = new CompletionTracker({ parts: ['order-processor', 'user-notification'], timeoutMs: 1000 });
    const done = tracker.expect('o-1');
    tracker.arrive('o-1', 'order-processor', 10);
    tracker.arrive('o-1', 'user-notification', 25);
    await expect(done).resolves.toBe(25);
    tracker.dispose();
  });

  it('keeps outcomes that overtake the 202 naming their order', async () => {
    const tracker = new CompletionTracker({ parts: ['a', 'b'], timeoutMs: 1000 });
    tracker.arrive('o-2', 'a', 1);
    tracker.arrive('o-2', 'b', 2);
    await expect(tracker.expect('o-2')).resolves.toBe(2);
  });

  it('counts redeliveries and unknown consumers instead of completing twice', () => {
    const tracker = new CompletionTracker({ parts: ['a'], timeoutMs: 1000 });
    tracker.arrive('o-3', 'a', 1);
    tracker.arrive('o-3', 'a', 2);
    tracker.arrive('o-3', 'fraud-screening', 3);
    expect(tracker.anomalies).toEqual({ duplicates: 1, unknownParts: 1 });
  });

  it('names the missing consumer when an order does not complete in time', async () => {
    const tracker = new CompletionTracker({ parts: ['a', 'b'], timeoutMs: 20 });
    const done = tracker.expect('o-4');
    tracker.arrive('o-4', 'a');
    await expect(done).rejects.toThrow('o-4 incomplete after 20 ms: nothing from b');
  });
});

describe('runClosedLoop', () => {
  it('runs each item once with at most `concurrency` in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await runClosedLoop({
      count: 20,
      concurrency: 3,
      run: async (index) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(index);
        inFlight -= 1;
      },
    });
    expect(peak).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('stops starting items after a failure and rejects with it', async () => {
    let started = 0;
    const run = runClosedLoop({
      count: 100,
      concurrency: 2,
      run: async (index) => {
        started += 1;
        if (index === 3) throw new Error('boom');
      },
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toBeLessThan(10);
  });
});
