import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { OutcomeResult, type Outcome } from '../../contracts/index.ts';
import { OrderRecordError, type RecordIdentifiers } from './errors.ts';
import { OutcomeReporter, type OutcomeBatch } from './OutcomeReporter.ts';
import { parseOrderRecord, sqsCorrelationId } from './parseOrderRecord.ts';
import { RecordLogger } from './RecordLogger.ts';
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

/** What one invocation collects while its records are processed; nothing of it outlives the invocation. */
interface Invocation {
  outcomes: OutcomeBatch;
  /** Per outcome queued (the object `OutcomeBatch.add` returned), the record it reports, in completion order. */
  reports: Map<Outcome, RecordReport>;
}

interface RecordReport {
  messageId: string;
  logger: RecordLogger;
  /** The detail `process` returned, for the `record processed` line. */
  detail: string | undefined;
}

/**
 * The Lambda handler of an SQS consumer of OrderPlaced events.
 *
 * Each record is parsed (SNS envelope or raw), handed to `process`, and its outcome is queued for the outcomes
 * queue: `processed` with the detail `process` returned, or `rejected` with the reason, after which the error is
 * rethrown so the record alone lands in `batchItemFailures` (retried, then dead-lettered by the redrive policy).
 * Records are processed in parallel, as Powertools does by default. Once all are done the invocation's outcomes
 * go out together with SendMessageBatch (ten to a call); a record whose `processed` outcome did not reach the
 * queue is added to `batchItemFailures`, so it is retried until its outcome is reported. A `rejected` outcome
 * that cannot be sent is logged (its record fails anyway). Each record logs through its own child logger, so
 * one record's correlation id never shows up on another's lines, while `cold_start` stays the invocation's.
 */
export function createConsumerHandler(options: ConsumerHandlerOptions): ConsumerHandler {
  const { consumer } = options;
  const logger = options.logger ?? new Logger({ serviceName: consumer });
  const reporter = options.reporter ?? new OutcomeReporter();

  async function handleRecord(invocation: Invocation, record: SQSRecord, lambdaContext?: Context): Promise<void> {
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

    const recordLogger = new RecordLogger(logger, { messageId: record.messageId, correlationId: identifiers.correlationId });
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
      try {
        queue(invocation, outcome(OutcomeResult.rejected, reason), recordLogger, undefined);
      } catch (reportError) {
        recordLogger.error('could not report the rejected outcome', loggable(reportError));
      }
      throw error;
    }
    try {
      queue(invocation, outcome(OutcomeResult.processed, detail), recordLogger, detail);
    } catch (reportError) {
      // An outcome that breaks the contract is never sent: the record fails, as if it could not be delivered.
      recordLogger.error('could not report the processed outcome', loggable(reportError));
      throw reportError;
    }
  }

  return async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
    if (context) logger.addContext(context);
    const invocation: Invocation = { outcomes: reporter.batch(), reports: new Map() };
    // A processor per invocation: its record and failure lists are this invocation's alone.
    const processor = new BatchProcessor(EventType.SQS);
    const recordHandler = (record: SQSRecord, lambdaContext?: Context) => handleRecord(invocation, record, lambdaContext);
    let response: SQSBatchResponse;
    try {
      response = await processPartialResponse(event, recordHandler, processor, {
        ...(context ? { context } : {}),
        processInParallel: true,
        // A batch in which every record failed is reported record by record like any other: the
        // invocation itself succeeds, so failed records are retried exactly as in a partial failure.
        throwOnFullBatchFailure: false,
      });
    } catch (error) {
      // The whole batch will be retried; still report what was decided, as every receive reports its outcome.
      await deliverOutcomes(invocation);
      throw error;
    }
    const undelivered = await deliverOutcomes(invocation);
    return withFailures(event, response, undelivered);
  };
}

function queue(invocation: Invocation, outcome: Outcome, logger: RecordLogger, detail: string | undefined): void {
  invocation.reports.set(invocation.outcomes.add(outcome), { messageId: outcome.messageId, logger, detail });
}

/** Sends the invocation's outcomes; resolves to the message ids of the records whose `processed` outcome did not go out. */
async function deliverOutcomes(invocation: Invocation): Promise<Set<string>> {
  const undelivered = new Map((await invocation.outcomes.flush()).map(({ outcome, error }) => [outcome, error]));
  const failed = new Set<string>();
  for (const [outcome, report] of invocation.reports) {
    const processed = outcome.result === OutcomeResult.processed;
    if (!undelivered.has(outcome)) {
      if (processed) report.logger.info('record processed', { detail: report.detail });
      continue;
    }
    report.logger.error(`could not report the ${outcome.result} outcome`, loggable(undelivered.get(outcome)));
    if (processed) failed.add(report.messageId);
  }
  invocation.reports.clear();
  return failed;
}

/** Powertools' failures plus the records whose outcome was not delivered, once each, in the event's record order. */
function withFailures(event: SQSEvent, response: SQSBatchResponse, undelivered: ReadonlySet<string>): SQSBatchResponse {
  if (undelivered.size === 0 && response.batchItemFailures.length === 0) return response;
  const failed = new Set([...response.batchItemFailures.map((failure) => failure.itemIdentifier), ...undelivered]);
  const ordered = event.Records.map((record) => record.messageId).filter((messageId) => failed.delete(messageId));
  return { batchItemFailures: [...ordered, ...failed].map((itemIdentifier) => ({ itemIdentifier })) };
}

function loggable(error: unknown): Error | string {
  return error instanceof Error ? error : String(error);
}

function receiveCount(record: SQSRecord): number {
  const count = Number.parseInt(record.attributes?.ApproximateReceiveCount ?? '', 10);
  return Number.isInteger(count) && count >= 1 ? count : 1;
}
