import { describe, expect, it } from '@jest/globals';
import { block, loadAllModules, loadTerraformModule, nestedBlock, subscriberModuleDir } from './support/terraformModule.ts';

describe('SQS event source mappings', () => {
  it('all report batch item failures, so one bad record does not send the whole batch back', async () => {
    const mappings = (await loadAllModules()).flatMap((module) => Object.values(module.resources.aws_lambda_event_source_mapping ?? {}));

    expect(mappings.length).toBeGreaterThan(0);
    for (const mapping of mappings) expect(mapping.function_response_types).toEqual(['ReportBatchItemFailures']);
  });

  it('connect the consumer queue to its function with the consumer batching and concurrency settings', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const mapping = block(subscriber.resources, 'aws_lambda_event_source_mapping', 'main');

    expect(mapping).toMatchObject({
      event_source_arn: '${aws_sqs_queue.main.arn}',
      function_name: '${aws_lambda_function.main.arn}',
      batch_size: '${var.consumer.batch_size}',
      maximum_batching_window_in_seconds: '${var.consumer.maximum_batching_window_seconds}',
    });
    expect(nestedBlock(mapping, 'scaling_config').maximum_concurrency).toBe('${var.consumer.maximum_concurrency}');
    // CreateEventSourceMapping checks the role's permissions on the queue.
    expect(mapping.depends_on).toEqual(['${aws_iam_role_policy.lambda}']);
  });
});
