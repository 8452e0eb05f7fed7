import { parseArn } from '../discovery/arns.ts';
import { describeFilterPolicy } from '../discovery/describeFilterPolicy.ts';
import type { DiscoveredConsumer } from '../discovery/types.ts';

/** What the topology diagrams draw: the topic, its discovered consumers and the outcomes queue. */
export interface TopologyView {
  topicArn: string;
  consumers: readonly DiscoveredConsumer[];
  /** The queue every Lambda reports to; drawn when known. */
  outcomesQueueUrl?: string;
}

/** One consumer row of a diagram, in names rather than ARNs. */
export interface ConsumerRow {
  functionName: string;
  queueName: string;
  dlqName: string | null;
  maxReceiveCount: number | null;
  filter: string;
  rawMessageDelivery: boolean;
  batchSize: number;
}

export function topicName(view: TopologyView): string {
  return parseArn(view.topicArn).resource;
}

export function outcomesQueueName(view: TopologyView): string | null {
  if (!view.outcomesQueueUrl) return null;
  return new URL(view.outcomesQueueUrl).pathname.split('/').filter(Boolean).at(-1) ?? null;
}

export function consumerRows(view: TopologyView): ConsumerRow[] {
  return view.consumers.map((consumer) => ({
    functionName: consumer.functionName,
    queueName: parseArn(consumer.queueArn).resource,
    dlqName: consumer.dlqArn ? parseArn(consumer.dlqArn).resource : null,
    maxReceiveCount: consumer.maxReceiveCount,
    filter: describeFilterPolicy(consumer.filterPolicy),
    rawMessageDelivery: consumer.rawMessageDelivery,
    batchSize: consumer.batchSize,
  }));
}
