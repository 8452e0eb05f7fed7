import type { ReceiveMessageResult } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import type { SqsStore } from '../types.ts';
import type { DeadLetterSources } from './deadLetterMoves.ts';

const ReceiveMessageRequest = z.object({
  QueueUrl: z.string(),
  AttributeNames: z.array(z.string()).optional(),
  MessageSystemAttributeNames: z.array(z.string()).optional(),
});
const ReceivedMessages = z.looseObject({
  Messages: z.array(z.looseObject({ ReceiptHandle: z.string(), Attributes: z.record(z.string(), z.string()).optional() })).optional(),
});

/**
 * ReceiveMessage: a message that SQS moved to this dead-letter queue carries the `DeadLetterQueueSourceArn`
 * system attribute when `All` or that name is asked for (LocalStack's AWS-validated snapshot
 * `test_sqs.py::TestSqsProvider::test_dead_letter_queue_message_attributes`). fauxqs 2.4.1 never sets it.
 */
export function addDeadLetterSource(
  requestBody: unknown,
  response: unknown,
  context: { sqsStore: SqsStore; deadLetters: DeadLetterSources },
): ReceiveMessageResult | undefined {
  const request = ReceiveMessageRequest.safeParse(requestBody);
  if (!request.success) return undefined;
  const wanted = [...(request.data.AttributeNames ?? []), ...(request.data.MessageSystemAttributeNames ?? [])];
  if (!wanted.includes('All') && !wanted.includes('DeadLetterQueueSourceArn')) return undefined;
  const queue = context.sqsStore.getQueue(request.data.QueueUrl);
  const received = ReceivedMessages.safeParse(response);
  if (!queue || !received.success || !received.data.Messages) return undefined;
  let changed = false;
  for (const message of received.data.Messages) {
    const stored = queue.inflightMessages.get(message.ReceiptHandle)?.message;
    const sourceArn = stored ? context.deadLetters.sourceArnOf(stored) : undefined;
    if (!sourceArn) continue;
    message.Attributes = { ...message.Attributes, DeadLetterQueueSourceArn: sourceArn };
    changed = true;
  }
  return changed ? (received.data satisfies ReceiveMessageResult) : undefined;
}
