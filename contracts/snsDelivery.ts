import { SnsSqsNotificationSchema } from '@aws-lambda-powertools/parser/schemas/sns';
import { describeIssues } from './describeIssues.ts';
import { OrderMessageAttribute } from './messageAttributes.ts';

/** How SNS delivered the event into the queue: wrapped in a notification envelope, or the bare message. */
export const Delivery = {
  envelope: 'envelope',
  raw: 'raw',
} as const;

export type Delivery = (typeof Delivery)[keyof typeof Delivery];

/** An SQS body read as an SNS delivery. */
export interface SnsDelivery {
  delivery: Delivery;
  /** The message SNS delivered, parsed from JSON but not validated: the caller knows what it expects. */
  message: unknown;
  /** From the envelope's message attributes, else the one SQS carried (raw delivery copies them there). */
  correlationId: string | null;
}

/** A body that is not an SNS delivery, with the correlation id as far as it could be read. */
export interface SnsDeliveryFailure {
  success: false;
  /** One line, e.g. `SQS body is not a valid SNS notification: TopicArn: Invalid input`. */
  error: string;
  correlationId: string | null;
}

export type SnsDeliveryResult = { success: true; data: SnsDelivery } | SnsDeliveryFailure;

export interface ParseSnsDeliveryOptions {
  /** The correlation id in the SQS message attributes, for raw deliveries; default none. */
  sqsCorrelationId?: string | null;
}

/**
 * Reads an SQS message body that SNS delivered, whichever way it did. The delivery mode is detected per
 * message, so changing `raw_message_delivery` in the topology needs no reader change: a body whose JSON
 * has `Type: "Notification"` must be a valid SNS notification envelope (Powertools' `SnsSqsNotificationSchema`,
 * the schema the Lambdas' parser uses) whose `Message` is JSON; any other JSON body is the message itself.
 */
export function parseSnsDelivery(body: string, options: ParseSnsDeliveryOptions = {}): SnsDeliveryResult {
  let correlationId = options.sqsCorrelationId ?? null;
  const json = parseJson(body);
  if (!json.success) return { success: false, error: `SQS body is not JSON: ${json.error}`, correlationId };
  if (!isSnsNotification(json.value)) return { success: true, data: { delivery: Delivery.raw, message: json.value, correlationId } };

  const envelope = SnsSqsNotificationSchema.safeParse(json.value);
  if (!envelope.success) return { success: false, error: `SQS body is not a valid SNS notification: ${describeIssues(envelope.error)}`, correlationId };
  const attribute = envelope.data.MessageAttributes?.[OrderMessageAttribute.correlationId];
  if (attribute?.Type === 'String' && attribute.Value) correlationId = attribute.Value;
  const message = parseJson(envelope.data.Message);
  if (!message.success) return { success: false, error: `SNS Message is not JSON: ${message.error}`, correlationId };
  return { success: true, data: { delivery: Delivery.envelope, message: message.value, correlationId } };
}

function parseJson(text: string): { success: true; value: unknown } | { success: false; error: string } {
  try {
    return { success: true, value: JSON.parse(text) };
  } catch (error) {
    return { success: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function isSnsNotification(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'Type' in value && value.Type === 'Notification';
}
