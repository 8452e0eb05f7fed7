import type { Context, SQSRecord } from 'aws-lambda';
import type { Delivery, OrderPlaced } from '../../contracts/index.ts';
import type { RecordLogger } from './RecordLogger.ts';

/** An SQS record read as an OrderPlaced event. */
export interface ParsedOrderRecord {
  event: OrderPlaced;
  correlationId: string | null;
  delivery: Delivery;
}

/** What a consumer's domain logic gets besides the event. */
export interface RecordContext {
  record: SQSRecord;
  correlationId: string | null;
  delivery: Delivery;
  /** Logs with the record's messageId, correlationId and orderId on every line. */
  logger: RecordLogger;
  lambdaContext: Context | undefined;
}

/**
 * A consumer's domain logic for one order. Returns the outcome detail (what it produced);
 * throws to reject the record.
 */
export type ProcessOrder = (event: OrderPlaced, context: RecordContext) => Promise<string | undefined> | string | undefined;
