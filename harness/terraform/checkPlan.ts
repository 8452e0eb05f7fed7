import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import { consumerResourceNames, outcomesQueueName, topicName } from '../topology/resourceNames.ts';
import type { Topology } from '../topology/topologySchema.ts';

/** The part of `terraform show -json <plan>` this check reads. */
const PlanSchema = z.object({
  resource_changes: z.array(z.object({
    address: z.string(),
    mode: z.string(),
    type: z.string(),
    change: z.object({
      actions: z.array(z.string()),
      after: z.record(z.string(), z.unknown()).nullable(),
    }),
  })).default([]),
});

export interface PlanExpectations {
  topology: Topology;
  /** The runtime the plan was made with (`var.lambda_runtime`). */
  runtime: string;
}

/** One resource type and how many of it the topology asks for. */
const perConsumer = [
  'aws_sqs_queue',
  'aws_sqs_queue_policy',
  'aws_sqs_queue_redrive_allow_policy',
  'aws_sns_topic_subscription',
  'aws_lambda_function',
  'aws_lambda_event_source_mapping',
  'aws_iam_role',
  'aws_iam_role_policy',
  'aws_cloudwatch_log_group',
] as const;

/**
 * Checks a plan of `terraform/` against the topology it was made from: one queue, dead-letter queue,
 * subscription, function, mapping, role and log group per consumer, with the consumer's settings, and
 * nothing else. Returns what differs, one line each; empty means the plan is what the topology says.
 */
export function checkPlan(planJson: string, expected: PlanExpectations): string[] {
  const parsed = PlanSchema.parse(JSON.parse(planJson));
  // Data sources (the IAM policy documents) are read, not created.
  const plan = { resource_changes: parsed.resource_changes.filter((change) => change.mode === 'managed') };
  const problems: string[] = [];
  const byAddress = new Map(plan.resource_changes.map((change) => [change.address, change]));
  const { topology } = expected;
  const consumers = Object.keys(topology.consumers);

  for (const change of plan.resource_changes) {
    if (!isDeepStrictEqual(change.change.actions, ['create'])) problems.push(`${change.address}: planned ${change.change.actions.join('+')}, expected create`);
  }
  const count = (type: string): number => plan.resource_changes.filter((change) => change.type === type).length;
  for (const type of perConsumer) {
    // Two queues per consumer and the outcomes queue.
    const wanted = type === 'aws_sqs_queue' ? consumers.length * 2 + 1 : consumers.length;
    if (count(type) !== wanted) problems.push(`${type}: ${count(type)} planned, expected ${wanted} for ${consumers.length} consumers`);
  }
  if (count('aws_sns_topic') !== 1) problems.push(`aws_sns_topic: ${count('aws_sns_topic')} planned, expected 1`);

  const expect = (address: string, attributes: Record<string, unknown>): void => {
    const after = byAddress.get(address)?.change.after;
    if (!after) {
      problems.push(`${address}: not in the plan`);
      return;
    }
    for (const [name, value] of Object.entries(attributes)) {
      if (!isDeepStrictEqual(after[name], value)) problems.push(`${address}.${name}: planned ${JSON.stringify(after[name])}, expected ${JSON.stringify(value)}`);
    }
  };

  expect('aws_sns_topic.order_events', { name: topicName(topology) });
  expect('aws_sqs_queue.outcomes', { name: outcomesQueueName(topology) });
  for (const [name, consumer] of Object.entries(topology.consumers)) {
    const names = consumerResourceNames(topology, name);
    const at = (resource: string): string => `module.subscriber["${name}"].${resource}`;
    expect(at('aws_sqs_queue.main'), {
      name: names.queue,
      visibility_timeout_seconds: consumer.visibility_timeout_seconds,
      message_retention_seconds: consumer.message_retention_seconds,
    });
    expect(at('aws_sqs_queue.dead_letter'), { name: names.deadLetterQueue });
    expect(at('aws_sns_topic_subscription.main'), {
      protocol: 'sqs',
      raw_message_delivery: consumer.raw_message_delivery,
      // Without a policy the scope is left to AWS (known after apply).
      ...(consumer.filter_policy === null ? {} : { filter_policy_scope: 'MessageAttributes' }),
    });
    const subscription = byAddress.get(at('aws_sns_topic_subscription.main'))?.change.after;
    const plannedPolicy = typeof subscription?.filter_policy === 'string' ? JSON.parse(subscription.filter_policy) as unknown : null;
    if (subscription && !isDeepStrictEqual(plannedPolicy, consumer.filter_policy)) {
      problems.push(`${at('aws_sns_topic_subscription.main')}.filter_policy: planned ${JSON.stringify(plannedPolicy)}, expected ${JSON.stringify(consumer.filter_policy)}`);
    }
    expect(at('aws_lambda_function.main'), {
      function_name: names.functionName,
      handler: consumer.handler,
      runtime: expected.runtime,
      timeout: consumer.timeout,
      memory_size: consumer.memory_size,
      logging_config: [{ log_format: 'Text', log_group: names.logGroup, application_log_level: null, system_log_level: null }],
      // The environment holds the outcomes queue URL, known only after apply: compared after apply instead.
    });
    expect(at('aws_lambda_event_source_mapping.main'), {
      batch_size: consumer.batch_size,
      maximum_batching_window_in_seconds: consumer.maximum_batching_window_seconds,
      function_response_types: ['ReportBatchItemFailures'],
      scaling_config: [{ maximum_concurrency: consumer.maximum_concurrency }],
    });
    expect(at('aws_iam_role.lambda'), { name: names.functionName });
    expect(at('aws_cloudwatch_log_group.main'), { name: names.logGroup });
  }
  return problems;
}
