import { answer, forward } from '../queryParams.ts';
import { snsResultXml } from '../snsXml.ts';
import type { AdditionStores, QueryParams, SnsOutcome } from '../types.ts';

/** Delivery status logging: a role for successes and failures and a success sample rate per protocol. */
const DELIVERY_STATUS_ATTRIBUTES = ['Application', 'Firehose', 'HTTP', 'Lambda', 'SQS'].flatMap((protocol) => [
  `${protocol}SuccessFeedbackRoleArn`,
  `${protocol}FailureFeedbackRoleArn`,
  `${protocol}SuccessFeedbackSampleRate`,
]);

/**
 * Topic attributes AWS accepts that fauxqs 2.4.1 rejects with "Invalid parameter: AttributeName"
 * (https://docs.aws.amazon.com/sns/latest/api/API_SetTopicAttributes.html; the delivery status ones in
 * https://docs.aws.amazon.com/sns/latest/dg/sns-topic-attributes.html). The Terraform provider writes every
 * `*SuccessFeedbackSampleRate` (as "0") on each `aws_sns_topic` create and retries an InvalidParameter
 * for two minutes before it fails.
 */
const ADDED_TOPIC_ATTRIBUTES: ReadonlySet<string> = new Set([...DELIVERY_STATUS_ATTRIBUTES, 'ArchivePolicy', 'FifoThroughputScope']);

/**
 * SetTopicAttributes of an attribute fauxqs does not know: stored on the topic, or removed by "". The others,
 * and unknown topics (404 NotFound), stay fauxqs's.
 */
export function setTopicAttributes(params: QueryParams, stores: AdditionStores): SnsOutcome {
  const name = params.AttributeName ?? '';
  const topic = params.TopicArn ? stores.snsStore?.getTopic(params.TopicArn) : undefined;
  if (!ADDED_TOPIC_ATTRIBUTES.has(name) || !topic) return forward(params);
  const value = params.AttributeValue ?? '';
  if (value === '') Reflect.deleteProperty(topic.attributes, name);
  else topic.attributes[name] = value;
  stores.snsStore?.persistence?.updateTopicAttributes(topic.arn, topic.attributes);
  return answer(snsResultXml('SetTopicAttributes', ''));
}
