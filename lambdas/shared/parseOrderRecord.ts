import { SqsRecordSchema } from '@aws-lambda-powertools/parser/schemas/sqs';
import type { SQSRecord } from 'aws-lambda';
import { describeIssues, OrderMessageAttribute, OrderPlacedSchema, orderPlacedIds, parseSnsDelivery } from '../../contracts/index.ts';
import { OrderRecordError, type RecordIdentifiers } from './errors.ts';
import type { ParsedOrderRecord } from './types.ts';

const MAX_IDENTIFIER_LENGTH = 128;

/**
 * Reads an SQS record as an OrderPlaced event, whichever way SNS delivered it: the body is read by the
 * contract's `parseSnsDelivery` (the one the harness reads queues and dead-letter queues with), and the
 * message it holds must be the event. Anything else throws {@link OrderRecordError} with the identifiers
 * that could still be read.
 */
export function parseOrderRecord(record: SQSRecord): ParsedOrderRecord {
  const identifiers: RecordIdentifiers = { orderId: null, eventId: null, correlationId: sqsCorrelationId(record) };

  const sqsRecord = SqsRecordSchema.safeParse(record);
  if (!sqsRecord.success) throw new OrderRecordError(`not an SQS record: ${describeIssues(sqsRecord.error)}`, identifiers);

  const delivery = parseSnsDelivery(record.body, { sqsCorrelationId: identifiers.correlationId });
  if (!delivery.success) throw new OrderRecordError(delivery.error, { ...identifiers, correlationId: delivery.correlationId });
  identifiers.correlationId = delivery.data.correlationId;
  return { event: parseEvent(delivery.data.message, identifiers), correlationId: identifiers.correlationId, delivery: delivery.data.delivery };
}

/** The correlation id SQS carries as a message attribute (raw delivery copies the SNS attributes there). */
export function sqsCorrelationId(record: Partial<SQSRecord>): string | null {
  return record.messageAttributes?.[OrderMessageAttribute.correlationId]?.stringValue || null;
}

function parseEvent(payload: unknown, identifiers: RecordIdentifiers): ParsedOrderRecord['event'] {
  // Best effort, so a rejected outcome of an invalid event can still be matched to its order.
  const { orderId, eventId } = orderPlacedIds(payload);
  identifiers.orderId = orderId?.slice(0, MAX_IDENTIFIER_LENGTH) ?? null;
  identifiers.eventId = eventId?.slice(0, MAX_IDENTIFIER_LENGTH) ?? null;
  const event = OrderPlacedSchema.safeParse(payload);
  if (!event.success) throw new OrderRecordError(`not a valid OrderPlaced event: ${describeIssues(event.error)}`, identifiers);
  return event.data;
}
