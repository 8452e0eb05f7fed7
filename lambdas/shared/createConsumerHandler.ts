import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { OutcomeResult, type Outcome } from '../../contracts/index.ts';
import { OrderRecordError, type RecordIdentifiers } from './errors.ts';
import { OutcomeReporter } from './OutcomeReporter.ts';
import { parseOrderRecord, sqsCorrelationId } from './parseOrderRecord.ts';
import type { ProcessOrder } from './types.ts';

const MAX_DETAIL_LENGTH = 2000;

export interface ConsumerHandlerOptions {
  /** The consumer's name in the topology; the logger's service name and the outcome's `consumer`. */
  consumer: string;
  process: ProcessOrder;
  reporter?: OutcomeReporter;
  logger?: Logger;
}

export type ConsumerHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

/**
 * The Lambda handler of an SQS consumer of OrderPlaced events.
 *
 * Each record is parsed (SNS envelope or raw), handed to `process`, and reported to the outcomes queue:
 * `processed` with the detail `process` returned, or `rejected` with the reason, after which the error is
 * rethrown so the record alone lands in `batchItemFailures` (retried, then dead-lettered by the redrive policy).
 * Records are processed in parallel, as Powertools does by default: a batch of ten costs one outcome round
 * trip, not ten, which keeps it well inside the function timeout. Each record logs through its own child
 * logger, so one record's correlation id never shows up on another's lines.
 */
export function createConsumerHandler(options: ConsumerHandlerOptions): ConsumerHandler {
  const { consumer } = options;
  const logger = options.logger ?? new Logger({ serviceName: consumer });
  const reporter = options.reporter ?? new OutcomeReporter();
  const processor = new BatchProcessor(EventType.SQS);

  async function handleRecord(record: SQSRecord, lambdaContext?: Context): Promise<void> {
    const identifiers: RecordIdentifiers = { orderId: null, eventId: null, correlationId: sqsCorrelationId(record) };
    const outcome = (result: Outcome['result'], detail: string | undefined): Outcome => ({
      consumer,
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME || lambdaContext?.functionName || consumer,
      ...identifiers,
      messageId: record.messageId,
      receiveCount: receiveCount(record),
      result,
      ...(detail === undefined ? {} : { detail: detail.slice(0, MAX_DETAIL_LENGTH) }),
      processedAt: new Date().toISOString(),
    });

    const recordLogger = logger.createChild();
    recordLogger.appendKeys({ messageId: record.messageId, correlationId: identifiers.correlationId });
    let detail: string | undefined;
    try {
      const parsed = parseOrderRecord(record);
      Object.assign(identifiers, { orderId: parsed.event.orderId, eventId: parsed.event.eventId, correlationId: parsed.correlationId });
      recordLogger.appendKeys({ correlationId: identifiers.correlationId, orderId: identifiers.orderId });
      detail = await options.process(parsed.event, { ...parsed, record, logger: recordLogger, lambdaContext });
    } catch (error) {
      if (error instanceof OrderRecordError) Object.assign(identifiers, error.identifiers);
      const reason = error instanceof Error ? error.message : String(error);
      recordLogger.appendKeys({ correlationId: identifiers.correlationId, orderId: identifiers.orderId });
      recordLogger.error('record rejected', { reason });
      await reporter.send(outcome(OutcomeResult.rejected, reason)).catch((reportError: unknown) => {
        recordLogger.error('could not report the rejected outcome', reportError instanceof Error ? reportError : String(reportError));
      });
      throw error;
    }
    await reporter.send(outcome(OutcomeResult.processed, detail));
    recordLogger.info('record processed', { detail });
  }

  return async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
    if (context) logger.addContext(context);
    return processPartialResponse(event, handleRecord, processor, {
      ...(context ? { context } : {}),
      processInParallel: true,
      // A batch in which every record failed is reported record by record like any other: the
      // invocation itself succeeds, so failed records are retried exactly as in a partial failure.
      throwOnFullBatchFailure: false,
    });
  };
}

function receiveCount(record: SQSRecord): number {
  const count = Number.parseInt(record.attributes?.ApproximateReceiveCount ?? '', 10);
  return Number.isInteger(count) && count >= 1 ? count : 1;
}
