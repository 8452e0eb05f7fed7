const fromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** How long a consumer may take to report an order before the scenario fails (`FANOUT_OUTCOME_TIMEOUT_MS`). */
export const OUTCOME_TIMEOUT_MS = fromEnv('FANOUT_OUTCOME_TIMEOUT_MS', 10_000);

/** How long a burst may take to drain (`FANOUT_BURST_TIMEOUT_MS`). */
export const BURST_TIMEOUT_MS = fromEnv('FANOUT_BURST_TIMEOUT_MS', 60_000);

/** The stated window for "nothing happens" assertions, after the evidence that would precede it. */
export const QUIET_WINDOW_MS = fromEnv('FANOUT_QUIET_WINDOW_MS', 400);

/** Starting a stack: seconds on embedded, minutes for LocalStack images (`FANOUT_START_TIMEOUT_MS`). */
export const STACK_START_TIMEOUT_MS = fromEnv('FANOUT_START_TIMEOUT_MS', 10 * 60_000);

/** Cucumber's own per-step limit; waits inside steps end earlier with a descriptive failure. */
export const STEP_TIMEOUT_MS = Math.max(60_000, BURST_TIMEOUT_MS + 15_000);

/**
 * How long a message that always fails takes to reach its DLQ: one visibility timeout per receive,
 * plus one to be moved, plus the usual outcome latency.
 */
export function deadLetterTimeoutMs(consumer: { maxReceiveCount: number | null; visibilityTimeoutSeconds: number }): number {
  return ((consumer.maxReceiveCount ?? 1) + 1) * consumer.visibilityTimeoutSeconds * 1000 + OUTCOME_TIMEOUT_MS;
}
