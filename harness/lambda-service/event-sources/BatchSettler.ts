import type { Message } from '@aws-sdk/client-sqs';
import type { MappingRecord } from '../mappings/EventSourceMappingStore.ts';
import { describeError } from './describeError.ts';
import { parseBatchItemFailures } from './parseBatchItemFailures.ts';
import type { SourceQueue } from './QueueSource.ts';

/** What settling needs of an invocation's answer. */
export interface InvocationOutcome {
  requestId: string;
  payload: Uint8Array;
  functionError?: string;
}

export interface BatchSettlerDependencies {
  queue: SourceQueue;
  log(message: string, requestId?: string): void;
}

/**
 * Settles the batches of one mapping with its queue, as Lambda does: a
 * successful batch is deleted; a failed one is left to the queue's
 * visibility timeout and redrive policy; with ReportBatchItemFailures only
 * the reported messages are left. What a deleted mapping received is
 * released at once.
 */
export class BatchSettler {
  readonly #deps: BatchSettlerDependencies;

  constructor(deps: BatchSettlerDependencies) {
    this.#deps = deps;
  }

  /** Deletes what the invocation processed; rejects when the delete request fails. */
  async settle(mapping: MappingRecord, messages: readonly Message[], outcome: InvocationOutcome): Promise<void> {
    if (outcome.functionError) {
      return; // Nothing is deleted: the messages come back after the visibility timeout.
    }
    let toDelete = messages;
    if (mapping.functionResponseTypes.includes('ReportBatchItemFailures')) {
      const ids = new Set(messages.map((message) => message.MessageId ?? ''));
      const report = parseBatchItemFailures(outcome.payload, ids);
      if (report.kind === 'invalid') {
        this.#deps.log(`Invalid batch item failure response (${report.reason}): the whole batch failed`, outcome.requestId);
        return;
      }
      if (report.kind === 'partial') {
        toDelete = messages.filter((message) => !report.failedMessageIds.has(message.MessageId ?? ''));
      }
    }
    if (toDelete.length === 0) {
      return;
    }
    const failures = await this.#deps.queue.deleteBatch(toDelete.map((message) => message.ReceiptHandle ?? ''));
    for (const failed of failures) {
      this.#deps.log(`Could not delete a processed message: ${failed.code} ${failed.message}`);
    }
  }

  /** Makes messages received for a deleted mapping visible again now (their receive still counts). */
  async release(messages: readonly Message[]): Promise<void> {
    const { queue } = this.#deps;
    try {
      const failures = await queue.changeVisibilityBatch(
        messages.map((message) => message.ReceiptHandle ?? ''),
        0,
      );
      for (const failed of failures) {
        this.#deps.log(`Could not return a message to ${queue.label}: ${failed.code} ${failed.message}; it comes back after the visibility timeout`);
      }
    } catch (error) {
      this.#deps.log(`Returning ${messages.length} message(s) to ${queue.label} failed: ${describeError(error)}; they come back after the visibility timeout`);
    }
  }
}
