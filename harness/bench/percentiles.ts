/** Order statistics of one set of samples (milliseconds unless stated). */
export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The nearest-rank percentile of ascending `sorted` samples: the smallest
 * sample with at least `p`% of all samples at or below it. Exact, unlike
 * interpolating estimators, so p99 of 100 samples is the 99th value.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    throw new RangeError('percentile of no samples');
  }
  if (!(p >= 0 && p <= 100)) {
    throw new RangeError(`percentile ${p} is not within 0..100`);
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Count, min, mean, p50, p95, p99 and max of `samples` (any order; the input is not modified). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  const values = Array.from(sorted);
  let sum = 0;
  for (const value of values) {
    sum += value;
  }
  return {
    count: values.length,
    min: percentile(values, 0),
    mean: sum / values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values[values.length - 1] as number,
  };
}

/** The median (nearest-rank p50) of `samples`. */
export function median(samples: readonly number[]): number {
  return summarize(samples).p50;
}
