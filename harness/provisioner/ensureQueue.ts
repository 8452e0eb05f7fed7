import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface EnsuredQueue {
  url: string;
  arn: string;
}

/**
 * Creates the queue if it is missing and sets its attributes. CreateQueue with attributes fails when the
 * queue exists with others, so attributes go through SetQueueAttributes: running twice changes nothing.
 */
export async function ensureQueue(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<EnsuredQueue> {
  const { QueueUrl: url } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  if (!url) throw new Error(`CreateQueue returned no URL for ${name}`);
  if (Object.keys(attributes).length > 0) {
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  }
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  const arn = Attributes?.QueueArn;
  if (!arn) throw new Error(`GetQueueAttributes returned no QueueArn for ${name}`);
  return { url, arn };
}
