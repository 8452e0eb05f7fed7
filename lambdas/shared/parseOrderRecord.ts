import { SnsSqsNotificationSchema } from '@aws-lambda-powertools/parser/schemas/sns';
import { SqsRecordSchema } from '@aws-lambda-powertools/parser/schemas/sqs';
import type { SQSRecord } from 'aws-lambda';
import { OrderMessageAttribute, OrderPlacedSchema } from '../../contracts/index.ts';
import { describeIssues } from './describeIssues.ts';
import { OrderRecordError, type RecordIdentifiers } from './errors.ts';
import { Delivery, type ParsedOrderRecord } from './types.ts';

const MAX_IDENTIFIER_LENGTH = 128;

/**
 * Reads an SQS record as an OrderPlaced event, whichever way SNS delivered it.
 *
 * The delivery mode is detected per record, so changing `raw_message_delivery` in the topology needs no
 * handler change: a body whose JSON has `Type: "Notification"` must be a valid SNS notification envelope
 * (Powertools' `SnsSqsNotificationSchema`) whose `Message` is the event; any other body must be the event
 * itself. Anything else throws {@link OrderRecordError} with the identifiers that could still be read.
 */
export function parseOrderRecord(record: SQSRecord): ParsedOrderRecord {
  const identifiers: RecordIdentifiers = { orderId: null, eventId: null, correlationId: sqsCorrelationId(record) };

  const sqsRecord = SqsRecordSchema.safeParse(record);
  if (!sqsRecord.success) throw new OrderRecordError(`not an SQS record: ${describeIssues(sqsRecord.error)}`, identifiers);

  const body = parseJson(record.body, 'SQS body', identifiers);
  if (isSnsNotification(body)) {
    const envelope = SnsSqsNotificationSchema.safeParse(body);
    if (!envelope.success) {
      throw new OrderRecordError(`SQS body is not a valid SNS notification: ${describeIssues(envelope.error)}`, identifiers);
    }
    const attribute = envelope.data.MessageAttributes?.[OrderMessageAttribute.correlationId];
    if (attribute?.Type === 'String' && attribute.Value) identifiers.correlationId = attribute.Value;
    const message = parseJson(envelope.data.Message, 'SNS Message', identifiers);
    return { event: parseEvent(message, identifiers), correlationId: identifiers.correlationId, delivery: Delivery.envelope };
  }
  return { event: parseEvent(body, identifiers), correlationId: identifiers.correlationId, delivery: Delivery.raw };
}

/** The correlation id SQS carries as a message attribute (raw delivery copies the SNS attributes there). */
export function sqsCorrelationId(record: Partial<SQSRecord>): string | null {
  return record.messageAttributes?.[OrderMessageAttribute.correlationId]?.stringValue || null;
}

function parseEvent(payload: unknown, identifiers: RecordIdentifiers): ParsedOrderRecord['event'] {
  identifiers.orderId = readIdentifier(payload, 'orderId');
  identifiers.eventId = readIdentifier(payload, 'eventId');
  const event = OrderPlacedSchema.safeParse(payload);
  if (!event.success) throw new OrderRecordError(`not a valid OrderPlaced event: ${describeIssues(event.error)}`, identifiers);
  return event.data;
}

function parseJson(text: string, what: string, identifiers: RecordIdentifiers): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OrderRecordError(`${what} is not JSON: ${reason}`, identifiers);
  }
}

function isSnsNotification(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'Type' in value && value.Type === 'Notification';
}

/** Best effort, so a rejected outcome of an invalid event can still be matched to its order. */
function readIdentifier(payload: unknown, key: 'orderId' | 'eventId'): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const value: unknown = Reflect.get(payload, key);
  return typeof value === 'string' && value.length > 0 ? value.slice(0, MAX_IDENTIFIER_LENGTH) : null;
}
