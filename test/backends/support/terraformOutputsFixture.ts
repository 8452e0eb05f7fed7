/** What `terraform -chdir=terraform output -json` prints for a stack with the given consumers (LocalStack-shaped values). */
export function terraformOutputJson(options: { region?: string; consumers?: readonly string[]; account?: string } = {}): Record<string, unknown> {
  const region = options.region ?? 'us-east-1';
  const account = options.account ?? '000000000000';
  const wrap = (value: unknown, type: unknown = 'string') => ({ sensitive: false, type, value });
  const queueUrl = (name: string) => `http://sqs.${region}.localhost.localstack.cloud:4566/${account}/${name}`;
  const consumers = Object.fromEntries((options.consumers ?? ['order-processor', 'user-notification']).map((consumer) => {
    const name = `fanout-${consumer}`;
    return [consumer, {
      queue_name: name,
      queue_url: queueUrl(name),
      queue_arn: `arn:aws:sqs:${region}:${account}:${name}`,
      dlq_name: `${name}-dlq`,
      dlq_url: queueUrl(`${name}-dlq`),
      dlq_arn: `arn:aws:sqs:${region}:${account}:${name}-dlq`,
      subscription_arn: `arn:aws:sns:${region}:${account}:fanout-order-events:6f1b1f0e-0000-4000-8000-000000000001`,
      function_name: name,
      function_arn: `arn:aws:lambda:${region}:${account}:function:${name}`,
      event_source_mapping_uuid: '0b8e7a8c-0000-4000-8000-000000000002',
      log_group_name: `/aws/lambda/${name}`,
    }];
  }));
  return {
    region: wrap(region),
    topic_arn: wrap(`arn:aws:sns:${region}:${account}:fanout-order-events`),
    topic_name: wrap('fanout-order-events'),
    outcomes_queue_url: wrap(queueUrl('fanout-order-outcomes')),
    outcomes_queue_arn: wrap(`arn:aws:sqs:${region}:${account}:fanout-order-outcomes`),
    consumers: wrap(consumers, ['object', {}]),
    publisher_environment: wrap({ ORDER_EVENTS_TOPIC_ARN: `arn:aws:sns:${region}:${account}:fanout-order-events`, AWS_REGION: region }, ['object', {}]),
  };
}
