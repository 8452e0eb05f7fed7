import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from 'aws-lambda';
import { parseSqsArn } from '../arns.ts';

/** System attributes copied into a record, in the order Lambda writes them. */
const RECORD_ATTRIBUTES = [
  'ApproximateReceiveCount',
  'SentTimestamp',
  'SenderId',
  'ApproximateFirstReceiveTimestamp',
  'SequenceNumber',
  'MessageGroupId',
  'MessageDeduplicationId',
  'AWSTraceHeader',
  'DeadLetterQueueSourceArn',
] as const;

/**
 * The event Lambda hands a function for a batch of SQS messages, in AWS's
 * exact record shape (lower-camel keys, attribute values as strings,
 * binary values base64). `awsRegion` is the queue's region, from its ARN.
 */
export function buildSqsEvent(messages: readonly Message[], eventSourceArn: string): SQSEvent {
  const queue = parseSqsArn(eventSourceArn);
  if (!queue) {
    throw new Error(`Not an SQS queue ARN: ${eventSourceArn}`);
  }
  return { Records: messages.map((message) => toRecord(message, eventSourceArn, queue.region)) };
}

function toRecord(message: Message, eventSourceArn: string, region: string): SQSRecord {
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: toAttributes(message.Attributes ?? {}),
    messageAttributes: toMessageAttributes(message.MessageAttributes ?? {}),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: eventSourceArn,
    awsRegion: region,
  };
}

/**
 * The attributes SQS returned, nothing invented: the poller asks for All,
 * so ApproximateReceiveCount, SentTimestamp, SenderId and
 * ApproximateFirstReceiveTimestamp are there; one an emulator left out
 * stays missing in the record rather than being made up.
 */
function toAttributes(attributes: Partial<Record<string, string>>): SQSRecordAttributes {
  const result: Partial<Record<(typeof RECORD_ATTRIBUTES)[number], string>> = {};
  for (const key of RECORD_ATTRIBUTES) {
    const value = attributes[key];
    if (value !== undefined) {
      result[key] = value;
    }
  }
  return result as SQSRecordAttributes;
}

function toMessageAttributes(attributes: Record<string, MessageAttributeValue>): SQSMessageAttributes {
  const result: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    result[name] = {
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') } : {}),
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map((item) => Buffer.from(item).toString('base64')),
      dataType: value.DataType ?? 'String',
    };
  }
  return result;
}
