/** Identifiers recovered from a record, as far as it could be read. */
export interface RecordIdentifiers {
  orderId: string | null;
  eventId: string | null;
  correlationId: string | null;
}

/**
 * A record that is not an OrderPlaced event in either delivery mode (SNS envelope or raw).
 * Carries whatever identifiers could still be read so the rejected outcome can be matched to an order.
 */
export class OrderRecordError extends Error {
  override readonly name = 'OrderRecordError';
  readonly identifiers: RecordIdentifiers;

  constructor(message: string, identifiers: RecordIdentifiers) {
    super(message);
    this.identifiers = identifiers;
  }
}

/** A required environment variable is missing: the function is deployed without its configuration. */
export class MissingConfigurationError extends Error {
  override readonly name = 'MissingConfigurationError';

  constructor(variable: string) {
    super(`${variable} is not set`);
  }
}

/** SQS refused one entry of a SendMessageBatch call, or did not acknowledge it. */
export class OutcomeNotDeliveredError extends Error {
  override readonly name = 'OutcomeNotDeliveredError';
  /** The SQS error code, e.g. `InternalError`; null when the entry was not acknowledged at all. */
  readonly code: string | null;
  readonly senderFault: boolean;

  constructor(code: string | null, message: string | undefined, senderFault = false) {
    super(code === null ? 'SendMessageBatch did not acknowledge the entry' : `${code}${message ? `: ${message}` : ''}`);
    this.code = code;
    this.senderFault = senderFault;
  }
}
