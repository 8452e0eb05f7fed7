import { GetQueueAttributesCommand, paginateListQueues, type SQSClient } from '@aws-sdk/client-sqs';

/** What a queue still holds: lost when the in-memory emulator stops. */
export interface QueuedMessages {
  queueName: string;
  /** Waiting to be received. */
  visible: number;
  /** Received and not deleted (their visibility timeout runs). */
  inFlight: number;
  /** Sent with a delay that has not passed. */
  delayed: number;
}

/** Every queue that holds a message, with its counts (SQS's Approximate* attributes), in name order. */
export async function countQueuedMessages(sqs: SQSClient): Promise<QueuedMessages[]> {
  const urls: string[] = [];
  for await (const page of paginateListQueues({ client: sqs, pageSize: 1000 }, {})) {
    urls.push(...(page.QueueUrls ?? []));
  }
  const counts = await Promise.all(urls.map(async (url) => {
    const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    }));
    return {
      queueName: url.slice(url.lastIndexOf('/') + 1),
      visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
      inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
      delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
    };
  }));
  return counts.filter((queue) => queue.visible + queue.inFlight + queue.delayed > 0).sort((a, b) => a.queueName.localeCompare(b.queueName));
}

/** "581 messages discarded with the in-memory queues: fanout-order-outcomes 500, fanout-order-processor 81 (20 received, not deleted)". */
export function describeDiscarded(queues: readonly QueuedMessages[]): string {
  const total = queues.reduce((sum, queue) => sum + queue.visible + queue.inFlight + queue.delayed, 0);
  if (total === 0) return 'no message was left in any queue';
  const parts = queues.map((queue) => {
    const extra = [queue.inFlight > 0 ? `${queue.inFlight} received, not deleted` : '', queue.delayed > 0 ? `${queue.delayed} delayed` : ''].filter(Boolean);
    return `${queue.queueName} ${queue.visible + queue.inFlight + queue.delayed}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
  });
  return `${total} message${total === 1 ? '' : 's'} discarded with the in-memory queues: ${parts.join(', ')}`;
}
