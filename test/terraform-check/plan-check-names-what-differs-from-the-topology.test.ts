import { describe, expect, it } from '@jest/globals';
import { checkPlan } from '../../harness/terraform/checkPlan.ts';
import { loadTopology } from '../../harness/topology/loadTopology.ts';
import { consumerResourceNames, outcomesQueueName, topicName } from '../../harness/topology/resourceNames.ts';
import type { Topology } from '../../harness/topology/topologySchema.ts';

interface Change {
  address: string;
  mode: string;
  type: string;
  change: { actions: string[]; after: Record<string, unknown> };
}

/** The resource changes `terraform show -json` gives for a plan of `terraform/` from an empty state (shape of 5.100.0's). */
function planOf(topology: Topology, runtime: string): Change[] {
  const change = (address: string, type: string, after: Record<string, unknown>): Change => ({ address, mode: 'managed', type, change: { actions: ['create'], after } });
  const changes = [
    change('aws_sns_topic.order_events', 'aws_sns_topic', { name: topicName(topology) }),
    change('aws_sqs_queue.outcomes', 'aws_sqs_queue', { name: outcomesQueueName(topology) }),
    { address: 'module.subscriber["x"].data.aws_iam_policy_document.lambda', mode: 'data', type: 'aws_iam_policy_document', change: { actions: ['read'], after: {} } },
  ];
  for (const [name, consumer] of Object.entries(topology.consumers)) {
    const names = consumerResourceNames(topology, name);
    const at = (resource: string): string => `module.subscriber["${name}"].${resource}`;
    changes.push(
      change(at('aws_sqs_queue.main'), 'aws_sqs_queue', { name: names.queue, visibility_timeout_seconds: consumer.visibility_timeout_seconds, message_retention_seconds: consumer.message_retention_seconds }),
      change(at('aws_sqs_queue.dead_letter'), 'aws_sqs_queue', { name: names.deadLetterQueue }),
      change(at('aws_sqs_queue_policy.main'), 'aws_sqs_queue_policy', {}),
      change(at('aws_sqs_queue_redrive_allow_policy.dead_letter'), 'aws_sqs_queue_redrive_allow_policy', {}),
      change(at('aws_sns_topic_subscription.main'), 'aws_sns_topic_subscription', {
        protocol: 'sqs',
        raw_message_delivery: consumer.raw_message_delivery,
        filter_policy: consumer.filter_policy === null ? null : JSON.stringify(consumer.filter_policy),
        ...(consumer.filter_policy === null ? {} : { filter_policy_scope: 'MessageAttributes' }),
      }),
      change(at('aws_lambda_function.main'), 'aws_lambda_function', {
        function_name: names.functionName, handler: consumer.handler, runtime, timeout: consumer.timeout, memory_size: consumer.memory_size,
        logging_config: [{ application_log_level: null, log_format: 'Text', log_group: names.logGroup, system_log_level: null }],
      }),
      change(at('aws_lambda_event_source_mapping.main'), 'aws_lambda_event_source_mapping', {
        batch_size: consumer.batch_size, maximum_batching_window_in_seconds: consumer.maximum_batching_window_seconds,
        function_response_types: ['ReportBatchItemFailures'], scaling_config: [{ maximum_concurrency: consumer.maximum_concurrency }],
      }),
      change(at('aws_iam_role.lambda'), 'aws_iam_role', { name: names.functionName }),
      change(at('aws_iam_role_policy.lambda'), 'aws_iam_role_policy', {}),
      change(at('aws_cloudwatch_log_group.main'), 'aws_cloudwatch_log_group', { name: names.logGroup }),
    );
  }
  return changes;
}

const show = (changes: Change[]): string => JSON.stringify({ format_version: '1.2', resource_changes: changes });

describe('checkPlan (npm run tf:check)', () => {
  it('finds nothing wrong in a plan that is what the topology says', async () => {
    const topology = await loadTopology();

    expect(checkPlan(show(planOf(topology, 'nodejs24.x')), { topology, runtime: 'nodejs24.x' })).toEqual([]);
  });

  it('names the resource, the attribute, the planned and the expected value of a wrong setting', async () => {
    const topology = await loadTopology();
    const changes = planOf(topology, 'nodejs24.x');
    const mapping = changes.find((c) => c.address === 'module.subscriber["order-processor"].aws_lambda_event_source_mapping.main');
    if (!mapping) throw new Error('fixture has no order-processor mapping');
    mapping.change.after.batch_size = 7;

    expect(checkPlan(show(changes), { topology, runtime: 'nodejs24.x' })).toEqual([
      `module.subscriber["order-processor"].aws_lambda_event_source_mapping.main.batch_size: planned 7, expected ${topology.consumers['order-processor']?.batch_size}`,
    ]);
  });

  it('reports a consumer of the topology that the plan lacks, and the counts that no longer add up', async () => {
    const topology = await loadTopology();
    const changes = planOf(topology, 'nodejs24.x').filter((c) => !c.address.startsWith('module.subscriber["fraud-screening"]'));

    const problems = checkPlan(show(changes), { topology, runtime: 'nodejs24.x' });

    expect(problems).toContain('aws_lambda_function: 2 planned, expected 3 for 3 consumers');
    expect(problems).toContain('module.subscriber["fraud-screening"].aws_lambda_function.main: not in the plan');
  });

  it('holds the runtime and the fast-timers settings to what the check was given', async () => {
    const fast = await loadTopology({ overlays: ['terraform/profiles/fast-timers.tfvars.json'] });
    const plain = await loadTopology();

    const problems = checkPlan(show(planOf(plain, 'nodejs22.x')), { topology: fast, runtime: 'nodejs24.x' });

    expect(problems).toContain('module.subscriber["order-processor"].aws_lambda_function.main.runtime: planned "nodejs22.x", expected "nodejs24.x"');
    expect(problems).toContain(`module.subscriber["order-processor"].aws_sqs_queue.main.visibility_timeout_seconds: planned ${plain.consumers['order-processor']?.visibility_timeout_seconds}, expected 1`);
  });

  it('refuses a plan that would replace or delete something', async () => {
    const topology = await loadTopology();
    const changes = planOf(topology, 'nodejs24.x');
    const topic = changes[0];
    if (!topic) throw new Error('fixture has no topic');
    topic.change.actions = ['delete', 'create'];

    expect(checkPlan(show(changes), { topology, runtime: 'nodejs24.x' })).toEqual(['aws_sns_topic.order_events: planned delete+create, expected create']);
  });
});
