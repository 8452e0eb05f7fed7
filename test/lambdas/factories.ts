import { createHash, randomUUID } from 'node:crypto';
import type { Context, SQSEvent, SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from 'aws-lambda';
import { buildOrderPlaced, Delivery, exampleOrder, OrderMessageAttribute, type OrderPlaced, type OrderRequest } from '../../contracts/index.ts';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
export const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:fanout-order-events`;

export { Delivery };

export interface SqsRecordOptions {
  /** How SNS delivered the message; `envelope` wraps the body in an SNS notification. Default `raw`. */
  delivery?: Delivery;
  /** Carried as an SNS message attribute (envelope) or an SQS one (raw); null for none. */
  correlationId?: string | null;
  messageId?: string;
  attributes?: Partial<SQSRecordAttributes>;
  queueName?: string;
}

/** An OrderPlaced event built the way the publisher builds it, from `exampleOrder` unless told otherwise. */
export function orderPlacedFactory(order: Partial<OrderRequest> = {}): OrderPlaced {
  return buildOrderPlaced({ ...exampleOrder, ...order });
}

/** The SNS notification envelope SNS writes into SQS when raw message delivery is off. */
export function snsEnvelopeFactory(message: string, correlationId: string | null): string {
  const messageId = randomUUID();
  return JSON.stringify({
    Type: 'Notification',
    MessageId: messageId,
    TopicArn: TOPIC_ARN,
    Message: message,
    Timestamp: new Date().toISOString(),
    SignatureVersion: '1',
    Signature: 'EXAMPLE',
    SigningCertURL: `https://sns.${REGION}.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem`,
    UnsubscribeURL: `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${TOPIC_ARN}:${messageId}`,
    ...(correlationId === null
      ? {}
      : {
          MessageAttributes: {
            [OrderMessageAttribute.eventType]: { Type: 'String', Value: 'OrderPlaced' },
            [OrderMessageAttribute.correlationId]: { Type: 'String', Value: correlationId },
          },
        }),
  });
}

/**
 * An SQS record in the exact shape Lambda's SQS event source builds. `body` is the SNS message: an object
 * is serialized as JSON, a string is taken as is (for malformed bodies).
 */
export function sqsRecordFactory(body: unknown, options: SqsRecordOptions = {}): SQSRecord {
  const correlationId = options.correlationId === undefined ? randomUUID() : options.correlationId;
  const message = typeof body === 'string' ? body : JSON.stringify(body);
  const envelope = options.delivery === Delivery.envelope;
  const sqsBody = envelope ? snsEnvelopeFactory(message, correlationId) : message;
  const messageAttributes: SQSMessageAttributes =
    envelope || correlationId === null
      ? {}
      : {
          [OrderMessageAttribute.eventType]: { dataType: 'String', stringValue: 'OrderPlaced', stringListValues: [], binaryListValues: [] },
          [OrderMessageAttribute.correlationId]: { dataType: 'String', stringValue: correlationId, stringListValues: [], binaryListValues: [] },
        };
  const now = String(Date.now());
  return {
    messageId: options.messageId ?? randomUUID(),
    receiptHandle: `AQEB${randomUUID().replaceAll('-', '')}`,
    body: sqsBody,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: now,
      SenderId: 'AIDAIENQZJOLO23YVJ4VO',
      ApproximateFirstReceiveTimestamp: now,
      ...options.attributes,
    },
    messageAttributes,
    md5OfBody: createHash('md5').update(sqsBody).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:${options.queueName ?? 'fanout-order-processor'}`,
    awsRegion: REGION,
  };
}

export function sqsEventFactory(records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

/** The Lambda context object, as far as handlers and the Powertools logger read it. */
export function lambdaContextFactory(functionName = 'fanout-test'): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
