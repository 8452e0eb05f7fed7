import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient, type Message, type MessageSystemAttributeName } from '@aws-sdk/client-sqs';
import { startLoopbackFauxqs, type LoopbackFauxqs } from '../../../harness/embedded/startLoopbackFauxqs.ts';

/** The embedded fauxqs (with its additions) and SDK clients pointed at it. */
export interface FauxqsKit {
  fauxqs: LoopbackFauxqs;
  sns: SNSClient;
  sqs: SQSClient;
  createTopic(name: string): Promise<string>;
  createQueue(name: string, attributes?: Record<string, string>): Promise<{ url: string; arn: string }>;
  /** An SQS subscription of the queue to the topic; answers the subscription ARN. */
  subscribeQueue(topicArn: string, queueArn: string, attributes?: Record<string, string>): Promise<string>;
  /** Receives until a message arrives or the deadline passes; answers what arrived (possibly nothing). */
  receive(queueUrl: string, options?: { waitSeconds?: number; systemAttributes?: MessageSystemAttributeName[] }): Promise<Message[]>;
  close(): Promise<void>;
}

/** Starts the embedded fauxqs on a loopback port 0. */
export async function startFauxqsKit(): Promise<FauxqsKit> {
  const fauxqs = await startLoopbackFauxqs({ region: 'us-east-1' });
  const config = { endpoint: fauxqs.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
  const sns = new SNSClient(config);
  const sqs = new SQSClient({ ...config, useQueueUrlAsEndpoint: false });
  return {
    fauxqs,
    sns,
    sqs,
    async createTopic(name) {
      const created = await sns.send(new CreateTopicCommand({ Name: name }));
      return created.TopicArn ?? '';
    },
    async createQueue(name, attributes) {
      const { QueueUrl: url = '' } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
      const read = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
      return { url, arn: read.Attributes?.QueueArn ?? '' };
    },
    async subscribeQueue(topicArn, queueArn, attributes) {
      const subscribed = await sns.send(
        new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: attributes, ReturnSubscriptionArn: true }),
      );
      return subscribed.SubscriptionArn ?? '';
    },
    async receive(queueUrl, options = {}) {
      const received = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: options.waitSeconds ?? 2,
          MessageAttributeNames: ['All'],
          MessageSystemAttributeNames: options.systemAttributes,
        }),
      );
      return received.Messages ?? [];
    },
    async close() {
      sns.destroy();
      sqs.destroy();
      await fauxqs.close();
    },
  };
}
