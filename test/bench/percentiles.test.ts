import { describe, expect, it } from '@jest/globals';
import { median, percentile, summarize } from '../../harness/bench/percentiles.ts';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('takes the sample at rank ceil(p/100 * n)', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it('gives the smallest sample for p0 and the only sample of one', () => {
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
  });

  it('never interpolates between samples', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
  });

  it('refuses no samples and percentiles outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts numerically without touching the input', () => {
    const samples = [10, 9, 100, 1, 2];
    const summary = summarize(samples);
    expect(summary).toEqual({ count: 5, min: 1, mean: 24.4, p50: 9, p95: 100, p99: 100, max: 100 });
    expect(samples).toEqual([10, 9, 100, 1, 2]);
  });

  it('gives the median', () => {
    expect(median([3, 1, 2])).toBe(2);
  });
});
