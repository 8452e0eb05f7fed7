import { SendMessageCommand, type MessageAttributeValue, type SQSClient } from '@aws-sdk/client-sqs';
import { OutcomeSchema, type Outcome } from '../../contracts/index.ts';
import { createSqsClient } from './createSqsClient.ts';
import { MissingConfigurationError } from './errors.ts';

export const OUTCOMES_QUEUE_URL = 'OUTCOMES_QUEUE_URL';

export interface OutcomeReporterOptions {
  /** Defaults to `process.env.OUTCOMES_QUEUE_URL`, read at send time. */
  queueUrl?: string;
  client?: SQSClient;
}

/** Sends one Outcome per processed record to the outcomes queue, where the specs match it to an order. */
export class OutcomeReporter {
  readonly #client: SQSClient;
  readonly #queueUrl: string | undefined;

  constructor(options: OutcomeReporterOptions = {}) {
    this.#client = options.client ?? createSqsClient();
    this.#queueUrl = options.queueUrl;
  }

  /** Validates the outcome against the contract, then sends it; throws when either fails. */
  async send(outcome: Outcome): Promise<void> {
    const valid = OutcomeSchema.parse(outcome);
    const queueUrl = this.#queueUrl ?? process.env[OUTCOMES_QUEUE_URL];
    if (!queueUrl) throw new MissingConfigurationError(OUTCOMES_QUEUE_URL);
    await this.#client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(valid),
        MessageAttributes: outcomeAttributes(valid),
      }),
    );
  }
}

function outcomeAttributes(outcome: Outcome): Record<string, MessageAttributeValue> {
  const attributes: Record<string, MessageAttributeValue> = {
    consumer: { DataType: 'String', StringValue: outcome.consumer },
    result: { DataType: 'String', StringValue: outcome.result },
  };
  // SQS rejects empty attribute values, so absent identifiers are left out rather than sent blank.
  if (outcome.orderId) attributes.orderId = { DataType: 'String', StringValue: outcome.orderId };
  if (outcome.correlationId) attributes.correlationId = { DataType: 'String', StringValue: outcome.correlationId };
  return attributes;
}
