/** Whether a figure must reach its threshold (throughput) or stay under it (latency, memory). */
export const Direction = {
  atLeast: 'atLeast',
  atMost: 'atMost',
} as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

export interface Target {
  direction: Direction;
  threshold: number;
  unit: string;
}

export const Verdict = {
  pass: 'PASS',
  miss: 'MISS',
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/**
 * The targets of the issue "npm run bench", one per headline figure, raised where the speed issue set a
 * bar: pipeline/floor >= 0.6, p99 <= 50 ms at half the measured capacity, the suite (as it runs by
 * default) in at most half the baseline revision's time, both measured in the same run.
 */
export const TARGETS = {
  ordersPerSecond: { direction: Direction.atLeast, threshold: 500, unit: 'orders/s' },
  recordsPerSecond: { direction: Direction.atLeast, threshold: 1000, unit: 'records/s' },
  pipelineOverFloor: { direction: Direction.atLeast, threshold: 0.6, unit: '' },
  latencyP50: { direction: Direction.atMost, threshold: 25, unit: 'ms' },
  latencyP99: { direction: Direction.atMost, threshold: 50, unit: 'ms' },
  invokeOverheadMedian: { direction: Direction.atMost, threshold: 2, unit: 'ms' },
  coldStartMedian: { direction: Direction.atMost, threshold: 250, unit: 'ms' },
  stackUpMedian: { direction: Direction.atMost, threshold: 1500, unit: 'ms' },
  featuresCold: { direction: Direction.atMost, threshold: 15_000, unit: 'ms' },
  featuresOverBaseline: { direction: Direction.atMost, threshold: 0.5, unit: '' },
  peakRss: { direction: Direction.atMost, threshold: 600, unit: 'MB' },
} as const satisfies Record<string, Target>;

/** PASS or MISS, and value / threshold (above 1 is good for atLeast, below 1 for atMost). */
export function judge(value: number, target: Target): { verdict: Verdict; ratio: number } {
  const ratio = value / target.threshold;
  const pass = target.direction === Direction.atLeast ? value >= target.threshold : value <= target.threshold;
  return { verdict: pass ? Verdict.pass : Verdict.miss, ratio };
}

/** `>= 500 orders/s`, `<= 25 ms`. */
export function formatTarget(target: Target): string {
  const sign = target.direction === Direction.atLeast ? '>=' : '<=';
  return `${sign} ${formatNumber(target.threshold)}${target.unit ? ` ${target.unit}` : ''}`;
}

/** A number with `digits` decimals, or as many as its magnitude deserves (1500, 12.3, 0.52). */
export function formatNumber(value: number, digits?: number): string {
  if (digits !== undefined) {
    return value.toFixed(digits);
  }
  if (Number.isInteger(value)) {
    return String(value);
  }
  const magnitude = Math.abs(value);
  return value.toFixed(magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3);
}
