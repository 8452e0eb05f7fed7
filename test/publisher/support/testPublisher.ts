import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PublishBatchCommand, SNSClient, type PublishBatchCommandInput, type PublishBatchCommandOutput, type PublishCommandInput } from '@aws-sdk/client-sns';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { pino } from 'pino';
import { createApp } from '../../../services/publisher/src/createApp.ts';
import type { PublisherDeps } from '../../../services/publisher/src/types.ts';

export const TOPIC_ARN = 'arn:aws:sns:eu-west-1:000000000000:order-events';

export type LogLine = Record<string, unknown> & { msg: string; level: number };

export interface TestPublisher {
  url: string;
  sns: AwsClientStub<SNSClient>;
  /** Every pino line the app wrote, parsed. */
  logs: LogLine[];
  /** The messages the app sent, one per PublishBatch entry, as Publish would take them. */
  published(): PublishCommandInput[];
  close(): Promise<void>;
}

/** A PublishBatch answer as SNS gives it when every entry was published: each entry's Id with `messageId`. */
export function publishesAll(messageId = 'msg-1'): (input: PublishBatchCommandInput) => PublishBatchCommandOutput {
  return (input) => ({
    Successful: (input.PublishBatchRequestEntries ?? []).map((entry) => ({ Id: entry.Id, MessageId: messageId })),
    Failed: [],
    $metadata: {},
  });
}

/** A fresh SNS client whose `send` is stubbed; by default every PublishBatch entry is published. */
export function mockedSnsClient(): { client: SNSClient; sns: AwsClientStub<SNSClient> } {
  const client = new SNSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const sns = mockClient(client);
  sns.on(PublishBatchCommand).callsFake(publishesAll());
  return { client, sns };
}

/** Every entry of the PublishBatch calls `sns` saw, as Publish inputs, in order. */
export function publishedMessages(sns: AwsClientStub<SNSClient>): PublishCommandInput[] {
  return sns.commandCalls(PublishBatchCommand).flatMap(({ args: [{ input }] }) =>
    (input.PublishBatchRequestEntries ?? []).map((entry) => ({ TopicArn: input.TopicArn, Message: entry.Message, MessageAttributes: entry.MessageAttributes })),
  );
}

/** The publisher app behind a real HTTP server on 127.0.0.1:0, with a mocked SNS client and captured logs. */
export async function startTestPublisher(overrides: Partial<Omit<PublisherDeps, 'sns' | 'logger'>> = {}): Promise<TestPublisher> {
  const { client, sns } = mockedSnsClient();
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const app = createApp({ sns: client, topicArn: TOPIC_ARN, logger, ...overrides });
  const server = createServer(app.callback());
  await listen(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sns,
    logs,
    published: () => publishedMessages(sns),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      client.destroy();
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}
