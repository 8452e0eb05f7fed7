import { describe, expect, it } from '@jest/globals';
import {
  block, loadTerraformModule, nestedBlock, nestedBlocks, subscriberModuleDir, terraformRoot,
} from './support/terraformModule.ts';

describe('the consumer subscription', () => {
  it('delivers the topic to the consumer queue with its raw delivery setting', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const subscription = block(subscriber.resources, 'aws_sns_topic_subscription', 'main');

    expect(subscription).toMatchObject({
      topic_arn: '${var.topic_arn}',
      protocol: 'sqs',
      endpoint: '${aws_sqs_queue.main.arn}',
      raw_message_delivery: '${var.consumer.raw_message_delivery}',
      depends_on: ['${aws_sqs_queue_policy.main}'],
    });
  });

  it('filters on message attributes only when the consumer has a filter policy (null or a JSON object)', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const subscription = block(subscriber.resources, 'aws_sns_topic_subscription', 'main');

    expect(subscriber.locals.has_filter_policy).toBe('${var.consumer.filter_policy != null}');
    expect(subscription.filter_policy).toBe('${local.has_filter_policy ? jsonencode(var.consumer.filter_policy) : null}');
    expect(subscription.filter_policy_scope).toBe('${local.has_filter_policy ? "MessageAttributes" : null}');
  });

  it('is fed by a queue policy that admits only SNS, only SendMessage and only from this topic', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const policy = block(subscriber.resources, 'aws_sqs_queue_policy', 'main');
    const [statement, ...others] = nestedBlocks(block(subscriber.data, 'aws_iam_policy_document', 'queue'), 'statement');

    expect(policy).toEqual({ queue_url: '${aws_sqs_queue.main.id}', policy: '${data.aws_iam_policy_document.queue.json}' });
    expect(others).toEqual([]);
    expect(statement).toMatchObject({ effect: 'Allow', actions: ['sqs:SendMessage'], resources: ['${aws_sqs_queue.main.arn}'] });
    expect(nestedBlocks(statement ?? {}, 'principals')).toEqual([{ type: 'Service', identifiers: ['sns.amazonaws.com'] }]);
    expect(nestedBlock(statement ?? {}, 'condition')).toEqual({ test: 'ArnEquals', variable: 'aws:SourceArn', values: ['${var.topic_arn}'] });
  });

  it('is given the order events topic by the root module', async () => {
    const root = await loadTerraformModule(terraformRoot);

    expect(root.modules.subscriber?.topic_arn).toBe('${aws_sns_topic.order_events.arn}');
  });
});
