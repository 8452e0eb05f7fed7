import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import type { LambdaServiceOptions } from '../../../harness/lambda-service/startLambdaService.ts';
import { startLambdaTestKit, type LambdaTestKit } from './lambdaTestKit.ts';

/** fauxqs, the Lambda service pointed at it, and an SQS client. */
export interface SqsTestKit extends LambdaTestKit {
  sqs: SQSClient;
  fauxqs: FauxqsServer;
  /** Creates a queue and its dead-letter queue (redrive after `maxReceiveCount` receives). */
  createQueue(name: string, options?: { visibilityTimeout?: number; maxReceiveCount?: number }): Promise<Queue>;
  /** Messages visible plus in flight. */
  countMessages(queue: Queue): Promise<number>;
  /** Receives what is in a queue now (for dead-letter queues). */
  receive(queueUrl: string): Promise<Message[]>;
  /** Every event the `recorder`/`batch-reporter` fixtures logged, parsed. */
  recordedEvents(functionName: string): { Records: Array<Record<string, unknown> & { body: string; messageId: string; attributes: Record<string, string> }> }[];
}

export interface Queue {
  url: string;
  arn: string;
  dlqUrl: string;
  dlqArn: string;
}

/** `options`: the Lambda service's settings besides its endpoint (its timing profile). */
export async function startSqsTestKit(options: Pick<LambdaServiceOptions, 'timing'> = {}): Promise<SqsTestKit> {
  const fauxqs = await startFauxqs({ port: 0, logger: false, host: '127.0.0.1' });
  const endpoint = `http://127.0.0.1:${fauxqs.port}`;
  const kit = await startLambdaTestKit({ ...options, awsEndpointUrl: endpoint });
  const sqs = new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    useQueueUrlAsEndpoint: false,
  });
  const attribute = async (queueUrl: string, name: 'QueueArn' | 'ApproximateNumberOfMessages' | 'ApproximateNumberOfMessagesNotVisible'): Promise<string> => {
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: [name] }));
    return Attributes?.[name] ?? '';
  };
  return {
    ...kit,
    sqs,
    fauxqs,
    async createQueue(name, options = {}) {
      const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
      const dlqUrl = dlq.QueueUrl ?? '';
      const dlqArn = await attribute(dlqUrl, 'QueueArn');
      const queue = await sqs.send(
        new CreateQueueCommand({
          QueueName: name,
          Attributes: {
            VisibilityTimeout: String(options.visibilityTimeout ?? 30),
            RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: options.maxReceiveCount ?? 3 }),
          },
        }),
      );
      const url = queue.QueueUrl ?? '';
      return { url, arn: await attribute(url, 'QueueArn'), dlqUrl, dlqArn };
    },
    async countMessages(queue) {
      const [visible, inFlight] = await Promise.all([
        attribute(queue.url, 'ApproximateNumberOfMessages'),
        attribute(queue.url, 'ApproximateNumberOfMessagesNotVisible'),
      ]);
      return Number(visible) + Number(inFlight);
    },
    async receive(queueUrl) {
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'] }),
      );
      return Messages ?? [];
    },
    recordedEvents(functionName) {
      return kit.service
        .logs(functionName)
        .map((line) => /\tEVENT (.*)$/.exec(line.message)?.[1])
        .filter((json): json is string => json !== undefined)
        .map((json) => JSON.parse(json) as ReturnType<SqsTestKit['recordedEvents']>[number]);
    },
    async close() {
      await kit.close();
      sqs.destroy();
      await fauxqs.stop();
    },
  };
}
