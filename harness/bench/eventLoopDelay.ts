import { monitorEventLoopDelay, type Histogram } from 'node:perf_hooks';

/** How late this thread's event loop ran a timer, in ms (p50, p99, max). */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** Timer interval of the sampling, in ms. */
const RESOLUTION_MS = 5;

/**
 * Samples this thread's event-loop delay until `stop()`. Node's histogram records the time between two
 * samples, which includes the sampling interval itself (an idle loop reads about 5.2 ms at a 5 ms
 * resolution), so the interval is taken off: what is left is how late the loop was.
 */
export function sampleLoopDelay(): { stop: () => LoopDelay } {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  return {
    stop: () => {
      histogram.disable();
      return loopDelayOf(histogram, RESOLUTION_MS);
    },
  };
}

/** The histogram's percentiles in ms, less the sampling interval (never below 0). */
export function loopDelayOf(histogram: Pick<Histogram, 'percentile' | 'max'>, resolutionMs: number): LoopDelay {
  const late = (ns: number): number => Math.max(0, ns / 1e6 - resolutionMs);
  return { p50: late(histogram.percentile(50)), p99: late(histogram.percentile(99)), max: late(histogram.max) };
}
