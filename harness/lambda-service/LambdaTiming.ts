/** A range of milliseconds; each use draws a value in it, uniformly. */
export type MsRange = readonly [min: number, max: number];

/**
 * How long the service's asynchronous work takes. The fast profile (the
 * default) settles everything at once; the AWS profile takes as long as
 * AWS is documented and recorded to take, so that a spec whose deadlines
 * hold here also holds on AWS.
 */
export interface LambdaTiming {
  readonly name: 'fast' | 'aws';
  /** Creating, Enabling, Disabling or Updating until the mapping is Enabled or Disabled (its poller started or stopped). */
  readonly mappingTransitionMs: MsRange;
  /** How long a deleted mapping stays visible as Deleting. */
  readonly mappingDeletingMs: MsRange;
  /** After a receive that brought nothing, how long an idle mapping's poller waits before it receives again. */
  readonly idlePollGapMs: MsRange;
  /** How long an execution environment waits for work before it is shut down (its next invocation is a cold start). */
  readonly environmentIdleMs: MsRange;
}

/**
 * Everything at once; Deleting lasts 250 ms, so the Terraform provider's destroy sees it gone on its third poll.
 * Idle environments go after 60 s: longer than the pauses inside a spec run (a scenario's bursts, a visibility
 * timeout of a few seconds), so a run's invocations stay warm as they would on AWS, and short enough that an
 * idle stack (`npm start`, a bench between phases) gives back each environment's ~50 MB within a minute.
 */
export const FAST_TIMING: LambdaTiming = {
  name: 'fast',
  mappingTransitionMs: [0, 0],
  mappingDeletingMs: [250, 250],
  idlePollGapMs: [0, 0],
  environmentIdleMs: [60_000, 60_000],
};

/**
 * Realistic timing. Each range, and where it comes from (details in README.md, "Timing profiles"):
 * - transitions 2-8 s: AWS documents no figure for SQS mappings; LocalStack's tests recorded on AWS wait
 *   2 s before they first look for Enabled/Disabled and allow 30 s more (`_await_event_source_mapping_state`,
 *   localstack-core/localstack/testing/aws/lambda_utils.py), and the Terraform provider waits up to 10 min.
 * - Deleting 2-5 s: "it enters a Deleting state and might not be completely deleted for several seconds"
 *   (API_DeleteEventSourceMapping).
 * - idle poll gaps 0-5 s: an idle mapping is scaled back to as few as 2 pollers ("When traffic is low, Lambda
 *   scales back ... as few as 2 concurrent invokes", services-sqs-scaling.html), so a message may wait for the
 *   next poll of one of them.
 * - idle environments 10 min: AWS documents no figure (an environment is kept "for some time in anticipation of
 *   another function invocation", lambda-runtime-environment.html); measured on AWS, every idle instance lived
 *   10 minutes after its last request (Mikhail Shilkov, "AWS Lambda Cold Starts After 10 Minutes", 2019).
 */
export const AWS_TIMING: LambdaTiming = {
  name: 'aws',
  mappingTransitionMs: [2000, 8000],
  mappingDeletingMs: [2000, 5000],
  idlePollGapMs: [0, 5000],
  environmentIdleMs: [600_000, 600_000],
};

/** A value drawn uniformly from the range. */
export function drawMs([min, max]: MsRange): number {
  return max <= min ? min : min + Math.random() * (max - min);
}
