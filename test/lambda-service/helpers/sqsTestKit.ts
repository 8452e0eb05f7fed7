import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { startFauxqs } from 'fauxqs';
import { startLoopbackFauxqs } from '../../../harness/embedded/startLoopbackFauxqs.ts';
import type { LambdaServiceOptions } from '../../../harness/lambda-service/startLambdaService.ts';
import { startLambdaTestKit, type LambdaTestKit } from './lambdaTestKit.ts';

/** fauxqs, the Lambda service pointed at it, and an SQS client. */
export interface SqsTestKit extends LambdaTestKit {
  sqs: SQSClient;
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

export interface SqsTestKitOptions extends Pick<LambdaServiceOptions, 'timing'> {
  /**
   * The embedded stack's fauxqs (with its additions) in this process, whose store the pollers read directly
   * (`inProcessSqs`); default a plain fauxqs that the pollers reach through the SQS API.
   */
  inProcess?: boolean;
}

/** The two ways the pollers reach SQS, for tests that must hold for both (`describe.each`). */
export const POLLER_PATHS = [
  { path: 'the SQS API', inProcess: false },
  { path: "fauxqs's store in-process", inProcess: true },
] as const;

/** `options`: the Lambda service's settings besides its endpoint (its timing profile), and how its pollers reach SQS. */
export async function startSqsTestKit(options: SqsTestKitOptions = {}): Promise<SqsTestKit> {
  const { inProcess = false, ...serviceOptions } = options;
  let endpoint: string;
  let stopFauxqs: () => Promise<void>;
  let inProcessSqs: LambdaServiceOptions['inProcessSqs'];
  if (inProcess) {
    const fauxqs = await startLoopbackFauxqs({ region: 'us-east-1' });
    endpoint = fauxqs.url;
    stopFauxqs = () => fauxqs.close();
    inProcessSqs = { store: fauxqs.sqs.store, ...(fauxqs.sqs.deadLetters ? { deadLetters: fauxqs.sqs.deadLetters } : {}) };
  } else {
    const fauxqs = await startFauxqs({ port: 0, logger: false, host: '127.0.0.1' });
    endpoint = `http://127.0.0.1:${fauxqs.port}`;
    stopFauxqs = () => fauxqs.stop();
  }
  const kit = await startLambdaTestKit({ ...serviceOptions, awsEndpointUrl: endpoint, ...(inProcessSqs ? { inProcessSqs } : {}) });
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
      await stopFauxqs();
    },
  };
}
