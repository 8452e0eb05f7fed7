import type { MessageAttributeValue } from '@aws-sdk/client-sns';

/** A parsed SNS filter policy: attribute names to condition lists, plus an optional top-level `$or`. */
export type FilterPolicy = Readonly<Record<string, unknown>>;

/** Where a subscription's filter policy looks: SNS's `FilterPolicyScope` attribute. */
export const FilterPolicyScope = {
  messageAttributes: 'MessageAttributes',
  messageBody: 'MessageBody',
} as const;
export type FilterPolicyScope = (typeof FilterPolicyScope)[keyof typeof FilterPolicyScope];

/** SNS message attributes as `Publish` takes them. */
export type MessageAttributes = Readonly<Record<string, MessageAttributeValue>>;

/**
 * One consumer of the topic as the live backend reports it: the SQS subscription, its queue and
 * redrive policy, and the Lambda that the queue's event source mapping invokes.
 */
export interface DiscoveredConsumer {
  /** The function name: what the outcomes report as `functionName` and what logs are read by. */
  functionName: string;
  subscriptionArn: string;
  queueArn: string;
  queueUrl: string;
  /** The queue's dead-letter queue; `null` when the queue has no redrive policy. */
  dlqArn: string | null;
  dlqUrl: string | null;
  /** Receives after which SQS moves a message to the DLQ; `null` without a redrive policy. */
  maxReceiveCount: number | null;
  /** The queue's visibility timeout: how long a failed message waits before it is received again. */
  visibilityTimeoutSeconds: number;
  /** `null`: the subscription receives every message of the topic. */
  filterPolicy: FilterPolicy | null;
  filterPolicyScope: FilterPolicyScope;
  rawMessageDelivery: boolean;
  mappingUuid: string;
  batchSize: number;
  /** The mapping's state (`Enabled`, `Creating`, ...), as the Lambda API reports it. */
  mappingState: string;
}
