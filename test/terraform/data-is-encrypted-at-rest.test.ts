import { describe, expect, it } from '@jest/globals';
import { block, loadAllModules, loadTerraformModule, terraformRoot } from './support/terraformModule.ts';

describe('encryption at rest', () => {
  it('protects the topic with the AWS managed SNS key', async () => {
    const root = await loadTerraformModule(terraformRoot);

    expect(block(root.resources, 'aws_sns_topic', 'order_events').kms_master_key_id).toBe('alias/aws/sns');
  });

  it('protects every queue with SSE-SQS, which SNS can deliver to without a key policy', async () => {
    const queues = (await loadAllModules()).flatMap((module) =>
      Object.entries(module.resources.aws_sqs_queue ?? {}).map(([name, queue]) => ({ name, sse: queue.sqs_managed_sse_enabled })));

    expect(queues.length).toBeGreaterThanOrEqual(3);
    expect(queues).toEqual(queues.map(({ name }) => ({ name, sse: true })));
  });
});
