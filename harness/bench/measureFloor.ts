import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { buildOrderPlaced, orderMessageAttributes, orderPlacedIds, parseSnsDelivery } from '../../contracts/index.ts';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import { ReceiveLoop } from '../observation/ReceiveLoop.ts';
import { EMULATOR_CREDENTIALS } from '../aws/emulator.ts';
import { startLoopbackFauxqs } from '../embedded/startLoopbackFauxqs.ts';
import { BENCH_ORDER } from './benchOrder.ts';
import { CompletionTracker } from './CompletionTracker.ts';
import { runClosedLoop } from './loadShapes.ts';

export interface FloorOptions {
  /** Messages published (each is delivered to both queues). */
  messages: number;
  concurrency: number;
  warmupMessages: number;
  /** Concurrent long polls per queue. */
  receivers: number;
  timeoutMs: number;
}

export interface FloorResult {
  messages: number;
  concurrency: number;
  elapsedMs: number;
  messagesPerSecond: number;
  /** CPU of this process (fauxqs and the clients) during the run, in cores. */
  harnessCores: number;
}

/** Like the topology's two unfiltered subscriptions: one SNS envelope, one raw. */
const SUBSCRIBERS = [
  { name: 'floor-enveloped', raw: false },
  { name: 'floor-raw', raw: true },
] as const;

/**
 * The floor under the pipeline: the same OrderPlaced messages published
 * straight to SNS on a fresh fauxqs and received (and deleted) from two
 * subscribed queues, closed loop at the pipeline's concurrency, without
 * the HTTP API and without Lambda.
 */
export async function measureFloor(options: FloorOptions): Promise<FloorResult> {
  const fauxqs = await startLoopbackFauxqs({ region: 'us-east-1' });
  const config = { region: 'us-east-1', endpoint: fauxqs.url, credentials: { ...EMULATOR_CREDENTIALS } };
  const sns = new SNSClient(config);
  const sqs = createSqsClient(config);
  const receivers: ReceiveLoop[] = [];
  const tracker = new CompletionTracker({ parts: SUBSCRIBERS.map((s) => s.name), timeoutMs: options.timeoutMs });
  try {
    const { TopicArn: topicArn } = await sns.send(new CreateTopicCommand({ Name: 'floor-order-events' }));
    for (const subscriber of SUBSCRIBERS) {
      const { QueueUrl: queueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: subscriber.name }));
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
      await sns.send(
        new SubscribeCommand({
          TopicArn: topicArn,
          Protocol: 'sqs',
          Endpoint: Attributes?.QueueArn,
          Attributes: subscriber.raw ? { RawMessageDelivery: 'true' } : {},
        }),
      );
      receivers.push(
        new ReceiveLoop({
          sqs,
          queueUrl: queueUrl ?? '',
          pollers: options.receivers,
          waitTimeSeconds: 1,
          onMessage: (message, receivedAt) => {
            const delivery = parseSnsDelivery(message.Body ?? '');
            const orderId = delivery.success ? orderPlacedIds(delivery.data.message).orderId : null;
            tracker.arrive(orderId ?? '', subscriber.name, receivedAt);
          },
        }).start(),
      );
    }
    /** Publishes one order event; resolves when both queues delivered it. */
    const publishAndComplete = async (): Promise<number> => {
      const event = buildOrderPlaced(BENCH_ORDER);
      await sns.send(
        new PublishCommand({ TopicArn: topicArn, Message: JSON.stringify(event), MessageAttributes: orderMessageAttributes(event, event.eventId) }),
      );
      return tracker.expect(event.orderId);
    };
    await runClosedLoop({
      count: options.warmupMessages,
      concurrency: options.concurrency,
      run: async () => {
        await publishAndComplete();
      },
    });
    let lastCompletion = 0;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await runClosedLoop({
      count: options.messages,
      concurrency: options.concurrency,
      run: async () => {
        lastCompletion = Math.max(lastCompletion, await publishAndComplete());
      },
    });
    const elapsedMs = lastCompletion - started;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      messages: options.messages,
      concurrency: options.concurrency,
      elapsedMs,
      messagesPerSecond: (options.messages / elapsedMs) * 1000,
      harnessCores: (cpu.user + cpu.system) / 1000 / (performance.now() - started),
    };
  } finally {
    tracker.dispose();
    await Promise.all(receivers.map((receiver) => receiver.stop()));
    sns.destroy();
    sqs.destroy();
    await fauxqs.close();
  }
}

/** The floor measured right before and right after the pipeline, so both face the same noise. */
export interface BracketedFloor {
  before: FloorResult;
  after: FloorResult;
  /** Mean of the two rates: the reference of pipeline / floor. */
  messagesPerSecond: number;
}

export function bracketFloor(before: FloorResult, after: FloorResult): BracketedFloor {
  return { before, after, messagesPerSecond: (before.messagesPerSecond + after.messagesPerSecond) / 2 };
}
