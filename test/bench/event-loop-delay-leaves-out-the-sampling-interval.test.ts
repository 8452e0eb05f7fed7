import { describe, expect, it } from '@jest/globals';
import { loopDelayOf } from '../../harness/bench/eventLoopDelay.ts';

// Node's event-loop delay histogram records the time between two of its timer samples, interval included
// (an idle loop sampled every 5 ms reads p50 about 5.2 ms): the bench reports only how late the loop was.
describe('the event-loop delay the bench reports', () => {
  it('is the recorded time between samples less the sampling interval, never below zero', () => {
    const recorded = { 50: 5.2e6, 99: 17.3e6 } as Record<number, number>;
    const histogram = { percentile: (p: number) => recorded[p] ?? Number.NaN, max: 45.8e6 };

    const delay = loopDelayOf(histogram, 5);

    expect(delay.p50).toBeCloseTo(0.2, 6);
    expect(delay.p99).toBeCloseTo(12.3, 6);
    expect(delay.max).toBeCloseTo(40.8, 6);
    expect(loopDelayOf({ percentile: () => 4.9e6, max: 4.9e6 }, 5)).toEqual({ p50: 0, p99: 0, max: 0 });
  });
});
