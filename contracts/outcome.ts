import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { describeIssues } from './describeIssues.ts';
import type { Parsed } from './parsed.ts';

export const OutcomeResult = {
  processed: 'processed',
  rejected: 'rejected',
} as const;

/** What each Lambda reports, per record, to the outcomes queue; the specs match these to orders. */
export const OutcomeSchema = z.strictObject({
  consumer: z.string().min(1),
  functionName: z.string().min(1),
  orderId: z.string().min(1).nullable(),
  eventId: z.string().min(1).nullable(),
  messageId: z.string().min(1),
  receiveCount: z.int().min(1),
  correlationId: z.string().nullable(),
  result: z.enum([OutcomeResult.processed, OutcomeResult.rejected]),
  /** Why a record was rejected, or what the consumer produced (e.g. a confirmation text). */
  detail: z.string().optional(),
  processedAt: z.iso.datetime(),
});

export type Outcome = z.infer<typeof OutcomeSchema>;

/** An outcome as an SQS message: the body and the attributes that name it. */
export interface OutcomeMessage {
  /** The validated outcome the body holds. */
  outcome: Outcome;
  MessageBody: string;
  MessageAttributes: Record<string, MessageAttributeValue>;
}

/** Validates the outcome against the schema (throws a ZodError naming the field) and builds its SQS message. */
export function buildOutcomeMessage(outcome: Outcome): OutcomeMessage {
  const valid = OutcomeSchema.parse(outcome);
  const attributes: Record<string, MessageAttributeValue> = {
    consumer: { DataType: 'String', StringValue: valid.consumer },
    result: { DataType: 'String', StringValue: valid.result },
  };
  // SQS rejects empty attribute values, so absent identifiers are left out rather than sent blank.
  if (valid.orderId) attributes.orderId = { DataType: 'String', StringValue: valid.orderId };
  if (valid.correlationId) attributes.correlationId = { DataType: 'String', StringValue: valid.correlationId };
  return { outcome: valid, MessageBody: JSON.stringify(valid), MessageAttributes: attributes };
}

/** Reads an outcomes-queue message body; the error says whether it is not JSON or which field breaks the schema. */
export function parseOutcomeMessage(body: string): Parsed<Outcome> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { success: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const outcome = OutcomeSchema.safeParse(json);
  return outcome.success ? { success: true, data: outcome.data } : { success: false, error: `not an Outcome: ${describeIssues(outcome.error)}` };
}
