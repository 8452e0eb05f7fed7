import { lambdaLogGroupName } from '../aws/lambdaLogGroupName.ts';
import type { Topology } from './topologySchema.ts';

/** AWS resource names derived from the topology; `terraform/modules/subscriber` derives the same ones. */
export interface ConsumerResourceNames {
  consumer: string;
  queue: string;
  deadLetterQueue: string;
  functionName: string;
  logGroup: string;
  /** The bundle built by `npm run build:lambdas`, relative to the repository root. */
  zip: string;
}

export function topicName(topology: Topology): string {
  return `${topology.name_prefix}-${topology.topic_name}`;
}

export function outcomesQueueName(topology: Topology): string {
  return `${topology.name_prefix}-${topology.outcomes_queue_name}`;
}

export function consumerResourceNames(topology: Topology, consumer: string): ConsumerResourceNames {
  const base = `${topology.name_prefix}-${consumer}`;
  return {
    consumer,
    queue: base,
    deadLetterQueue: `${base}-dlq`,
    functionName: base,
    logGroup: lambdaLogGroupName(base),
    zip: `dist/lambdas/${consumer}.zip`,
  };
}
