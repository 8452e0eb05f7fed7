import * as z from 'zod';

/**
 * The fan-out topology as `terraform/fanout.auto.tfvars.json` holds it.
 * Mirrors `variable` blocks in `terraform/variables.tf`; a test fails when the two drift.
 */

const resourceName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" and "_" only, at most 64');

/** SNS filter policies are JSON objects; their grammar is checked by SNS itself. */
export const FilterPolicySchema = z.record(z.string(), z.unknown());

export const ConsumerSchema = z.strictObject({
  handler: z.string().regex(/^[\w./-]+\.[A-Za-z_$][\w$]*$/, 'file.export, e.g. index.handler'),
  timeout: z.int().min(1).max(900),
  memory_size: z.int().min(128).max(10240),
  visibility_timeout_seconds: z.int().min(0).max(43200),
  message_retention_seconds: z.int().min(60).max(1209600),
  max_receive_count: z.int().min(1).max(1000),
  batch_size: z.int().min(1).max(10000),
  maximum_batching_window_seconds: z.int().min(0).max(300),
  maximum_concurrency: z.int().min(2).max(1000),
  raw_message_delivery: z.boolean(),
  filter_policy: FilterPolicySchema.nullable(),
  environment: z.record(z.string(), z.string()),
}).refine((c) => c.visibility_timeout_seconds >= c.timeout, {
  message: 'visibility_timeout_seconds must be >= timeout (AWS rejects the event source mapping otherwise)',
  path: ['visibility_timeout_seconds'],
}).refine((c) => c.batch_size <= 10 || c.maximum_batching_window_seconds >= 1, {
  message: 'batch_size above 10 needs maximum_batching_window_seconds >= 1',
  path: ['batch_size'],
});

/** Overrides applied to every consumer: the test profile shortens AWS timers with it. */
export const TimerOverridesSchema = z.strictObject({
  visibility_timeout_seconds: z.int().min(0).max(43200).optional(),
  timeout: z.int().min(1).max(900).optional(),
  maximum_batching_window_seconds: z.int().min(0).max(300).optional(),
  max_receive_count: z.int().min(1).max(1000).optional(),
});

export const TopologySchema = z.strictObject({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1'),
  name_prefix: resourceName,
  topic_name: resourceName,
  outcomes_queue_name: resourceName,
  consumers: z.record(resourceName, ConsumerSchema).refine((c) => Object.keys(c).length > 0, 'at least one consumer'),
  timer_overrides: TimerOverridesSchema.optional(),
});

export type Consumer = z.infer<typeof ConsumerSchema>;
export type Topology = z.infer<typeof TopologySchema>;
