import { AWS_TIMING } from '../../harness/lambda-service/LambdaTiming.ts';

const fromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** How long a consumer may take to report an order before the scenario fails (`FANOUT_OUTCOME_TIMEOUT_MS`). */
export const OUTCOME_TIMEOUT_MS = fromEnv('FANOUT_OUTCOME_TIMEOUT_MS', 10_000);

/** How long a burst may take to drain (`FANOUT_BURST_TIMEOUT_MS`). */
export const BURST_TIMEOUT_MS = fromEnv('FANOUT_BURST_TIMEOUT_MS', 60_000);

/**
 * How late an idle event source mapping may see a message that arrives (`FANOUT_POLL_GAP_ALLOWANCE_MS`): AWS
 * scales an idle mapping back to a couple of pollers, and `npm run features -- --aws-timing` draws poll gaps
 * up to this (AWS_TIMING in harness/lambda-service/LambdaTiming.ts). Every wait for a new receive allows it.
 */
export const POLL_GAP_ALLOWANCE_MS = fromEnv('FANOUT_POLL_GAP_ALLOWANCE_MS', AWS_TIMING.idlePollGapMs[1]);

/**
 * How long a mapping may take to become Enabled or Disabled (`FANOUT_MAPPING_STATE_TIMEOUT_MS`): tests recorded
 * on AWS allow about 30 s (LocalStack's `_await_event_source_mapping_state`); the aws-timing profile takes 2-8 s.
 */
export const MAPPING_STATE_TIMEOUT_MS = fromEnv('FANOUT_MAPPING_STATE_TIMEOUT_MS', 60_000);

/** The stated window for "nothing happens" assertions, after the evidence that would precede it. */
export const QUIET_WINDOW_MS = fromEnv('FANOUT_QUIET_WINDOW_MS', 400);

/** Starting a stack: seconds on embedded, minutes for LocalStack images (`FANOUT_START_TIMEOUT_MS`). */
export const STACK_START_TIMEOUT_MS = fromEnv('FANOUT_START_TIMEOUT_MS', 10 * 60_000);

/** Cucumber's own per-step limit; waits inside steps end earlier with a descriptive failure. */
export const STEP_TIMEOUT_MS = Math.max(60_000, BURST_TIMEOUT_MS + 15_000);

/**
 * How long a message that always fails takes to reach its DLQ: one visibility timeout and one poll gap
 * per receive, plus one to be moved, plus the usual outcome latency.
 */
export function deadLetterTimeoutMs(consumer: { maxReceiveCount: number | null; visibilityTimeoutSeconds: number }): number {
  return ((consumer.maxReceiveCount ?? 1) + 1) * (consumer.visibilityTimeoutSeconds * 1000 + POLL_GAP_ALLOWANCE_MS) + OUTCOME_TIMEOUT_MS;
}

/** How long a message that failed once takes to come back: its visibility timeout, a poll gap, the outcome latency. */
export function redeliveryTimeoutMs(consumer: { visibilityTimeoutSeconds: number }): number {
  return 2 * (consumer.visibilityTimeoutSeconds * 1000 + POLL_GAP_ALLOWANCE_MS) + OUTCOME_TIMEOUT_MS;
}
