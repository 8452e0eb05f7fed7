import { DEFAULT_BASELINE_REVISION } from './baselineCheckout.ts';
import type { BenchConfig } from './types.ts';

/** About two minutes on two cores, plus the features suite (twelve runs of 6-20 s: six ways, twice). */
const FULL: BenchConfig = {
  mode: 'full',
  endToEnd: {
    concurrency: 32,
    orders: 3000,
    warmupOrders: 200,
    latencyShareOfCapacity: 0.5,
    latencySeconds: 20,
    outcomeReceivers: 4,
    orderTimeoutMs: 60_000,
  },
  invoke: { warmupIterations: 300, iterations: 2000 },
  coldStart: { repetitions: 10 },
  startup: { repetitions: 5 },
  features: { run: true, timeoutMs: 180_000, repetitions: 2, baseline: DEFAULT_BASELINE_REVISION },
  rssIntervalMs: 50,
};

/** Seconds: the same figures from smaller samples, without the features suite. */
const QUICK: BenchConfig = {
  mode: 'quick',
  endToEnd: {
    concurrency: 8,
    orders: 300,
    warmupOrders: 40,
    latencyShareOfCapacity: 0.5,
    latencySeconds: 3,
    outcomeReceivers: 4,
    orderTimeoutMs: 60_000,
  },
  invoke: { warmupIterations: 100, iterations: 300 },
  coldStart: { repetitions: 3 },
  startup: { repetitions: 2 },
  features: { run: false, timeoutMs: 180_000, repetitions: 1 },
  rssIntervalMs: 50,
};

/** The configuration for `--quick` or a full run. */
export function benchConfig(options: { quick: boolean; baseline?: string | null }): BenchConfig {
  const config = structuredClone(options.quick ? QUICK : FULL);
  if (options.baseline === null) {
    delete config.features.baseline;
  } else if (options.baseline !== undefined) {
    config.features.baseline = options.baseline;
  }
  return config;
}
