import { CreateQueueCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { createSqsClient } from '../../../aws/createSqsClient.ts';
import { EMULATOR_CREDENTIALS } from '../../../harness/aws/emulator.ts';
import { startLoopbackFauxqs, type LoopbackFauxqs } from '../../../harness/embedded/startLoopbackFauxqs.ts';

/** ReceiveMessage calls a client sent over HTTP, by queue URL (a test waits on them, or checks there were none). */
export function countReceives(sqs: SQSClient): Map<string, number> {
  const receives = new Map<string, number>();
  sqs.middlewareStack.add(
    (next, context) => (args) => {
      const { QueueUrl } = args.input as { QueueUrl?: string };
      if (context.commandName === 'ReceiveMessageCommand' && QueueUrl) receives.set(QueueUrl, (receives.get(QueueUrl) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countReceives' },
  );
  return receives;
}

/** The embedded stack's fauxqs (with its additions) on loopback, an SQS client of it, and its receives counted. */
export interface LoopbackQueues {
  fauxqs: LoopbackFauxqs;
  sqs: SQSClient;
  receives: Map<string, number>;
  /** A new queue; its URL. */
  freshQueue(name: string, attributes?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

export async function startLoopbackQueues(region = 'us-east-1'): Promise<LoopbackQueues> {
  const fauxqs = await startLoopbackFauxqs({ region });
  const sqs = createSqsClient({ region, endpoint: fauxqs.url, credentials: { ...EMULATOR_CREDENTIALS } });
  return {
    fauxqs,
    sqs,
    receives: countReceives(sqs),
    freshQueue: async (name, attributes = {}) => (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl ?? '',
    close: async () => {
      sqs.destroy();
      await fauxqs.close();
    },
  };
}
