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
