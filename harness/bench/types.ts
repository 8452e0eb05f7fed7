import type { Target } from './targets.ts';

/** One row of the bench table: a measured value, or why there is none. */
export interface Figure {
  /** Stable key in `reports/bench.json`, e.g. `endToEnd.ordersPerSecond`. */
  id: string;
  label: string;
  value?: number;
  unit: string;
  /** Decimal places shown; default chosen from the magnitude. */
  digits?: number;
  target?: Target;
  /** `failed: <reason>` or `skipped: <reason>`, when there is no value. */
  failure?: string;
}

/** Parameters of one run; `--quick` picks the small set. */
export interface BenchConfig {
  mode: 'full' | 'quick';
  endToEnd: {
    concurrency: number;
    orders: number;
    warmupOrders: number;
    /** The open loop's rate, as a share of the closed loop's measured orders/s (the bar is at half). */
    latencyShareOfCapacity: number;
    latencySeconds: number;
    /** Concurrent long-polls draining the outcomes queue. */
    outcomeReceivers: number;
    /** Per order: how long to wait for every consumer's outcome. */
    orderTimeoutMs: number;
  };
  invoke: { warmupIterations: number; iterations: number };
  coldStart: { repetitions: number };
  startup: { repetitions: number };
  /**
   * `npm run features`, cold and warm, serial and with its default workers, and the `baseline`
   * revision's suite cold and warm (when given), `repetitions` runs of each; `timeoutMs` per run.
   */
  features: { run: boolean; timeoutMs: number; repetitions: number; baseline?: string };
  rssIntervalMs: number;
}
