import { randomUUID } from 'node:crypto';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { parseSqsArn } from '../arns.ts';
import type { FunctionInvoker } from '../environments/FunctionInvoker.ts';
import { TooManyRequestsException } from '../errors.ts';
import { drawMs, type MsRange } from '../LambdaTiming.ts';
import type { LogBook } from '../logs/LogBook.ts';
import type { MappingRecord } from '../mappings/EventSourceMappingStore.ts';
import { buildSqsEvent } from './buildSqsEvent.ts';
import { parseBatchItemFailures } from './parseBatchItemFailures.ts';

/** Batches in flight per mapping without ScalingConfig (AWS starts with 5 pollers). */
export const DEFAULT_MAXIMUM_CONCURRENCY = 5;
/** Lambda stops gathering a batch before its payload passes the 6 MB invoke limit. */
const MAX_BATCH_BODY_BYTES = 5_500_000;
/**
 * Long polls of 2 s, not SQS's maximum of 20: the emulator answers a long
 * poll as soon as a message arrives, so this costs no latency, and a
 * disabled or deleted mapping stops within 2 s without aborting a request
 * (an aborted long poll would leave the emulator's waiter to swallow the
 * next message).
 */
const LONG_POLL_SECONDS = 2;
/** Pause before polling again after a throttled invoke: doubles while throttles follow each other. */
const THROTTLE_BACKOFF_MS = 500;
const MAX_THROTTLE_BACKOFF_MS = 5000;

export interface PollerDependencies {
  sqs: SQSClient;
  invoker: FunctionInvoker;
  logBook: LogBook;
  /** How long to wait after a receive that brought nothing (the timing profile's idle poll gaps); default none. */
  idlePollGapMs?: MsRange;
  /** The mapping as it is now: batch size, window and concurrency are read live. */
  getMapping(): MappingRecord | undefined;
}

/**
 * The poller of one SQS event source mapping. One long-poll at a time
 * gathers a batch (batch size, batching window), then the function is
 * invoked in-process while the next batch is gathered, up to the mapping's
 * maximum concurrency. A successful batch is deleted; a failed one is left
 * to the queue's visibility timeout and redrive policy; with
 * ReportBatchItemFailures only the reported messages are left. A throttled
 * invoke (reserved concurrency full) deletes nothing either, and the poller
 * backs off before receiving again.
 */
export class EventSourcePoller {
  readonly #deps: PollerDependencies;
  readonly #abort = new AbortController();
  readonly #stopped = Promise.withResolvers<undefined>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #loop: Promise<void>;
  readonly #functionName: string;
  #running = true;
  /** Stopped for a deletion: what the last long poll brings goes back to the queue, unprocessed. */
  #releasing = false;
  /** Throttled invokes since the last one that ran; no receive before `#backoffUntil`. */
  #throttles = 0;
  #backoffUntil = 0;

  constructor(deps: PollerDependencies) {
    this.#deps = deps;
    this.#functionName = deps.getMapping()?.functionName ?? 'unknown';
    this.#loop = this.#run();
  }

  /**
   * Stops polling. Without `abort` (disable, delete) the long poll still
   * pending is left to finish and what it returns is processed, as a
   * Disabling mapping on Lambda may still deliver a batch; `polling`
   * resolves when no receive is left. With `abort` (service shutdown)
   * everything stops now. With `release` (delete) what that last long poll
   * brings is made visible again at once instead of being processed: a
   * deleted mapping invokes nothing more. Resolves when the in-flight
   * batches are over.
   */
  stop(options: { abort: boolean; release?: boolean }): Promise<void> {
    this.#running = false;
    this.#releasing ||= options.release === true;
    this.#stopped.resolve(undefined);
    if (options.abort) {
      this.#abort.abort();
    }
    return this.#loop.then(() => Promise.allSettled(this.#inFlight)).then(() => undefined);
  }

  /** Resolves when the poller has stopped receiving (in-flight batches may still run). */
  get polling(): Promise<void> {
    return this.#loop;
  }

  async #run(): Promise<void> {
    const queueUrl = await this.#resolveQueueUrl();
    let failures = 0;
    while (this.#running && queueUrl) {
      const mapping = this.#deps.getMapping();
      if (!mapping) {
        break;
      }
      await this.#waitForSlot(mapping.maximumConcurrency ?? DEFAULT_MAXIMUM_CONCURRENCY);
      if (this.#running && this.#backoffUntil > Date.now()) {
        await this.#pause(this.#backoffUntil - Date.now());
      }
      if (!this.#running) {
        break;
      }
      let messages: Message[];
      try {
        messages = await this.#gather(queueUrl, mapping);
        failures = 0;
      } catch (error) {
        if (!this.#running) {
          break;
        }
        failures += 1;
        this.#log(`Polling ${mapping.eventSourceArn} failed: ${describe(error)}`);
        await this.#pause(Math.min(5000, 100 * 2 ** failures));
        continue;
      }
      if (messages.length > 0 && this.#releasing) {
        await this.#release(queueUrl, messages);
        break;
      }
      // After an abort (service shutdown) the invoker is closed: what was received goes back to the queue.
      if (messages.length > 0 && !this.#abort.signal.aborted) {
        const task = this.#process(queueUrl, mapping, messages);
        this.#inFlight.add(task);
        void task.finally(() => this.#inFlight.delete(task));
      }
    }
  }

  /** Makes messages received for a deleted mapping visible again now (their receive still counts). */
  async #release(queueUrl: string, messages: Message[]): Promise<void> {
    try {
      await this.#deps.sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queueUrl,
          Entries: messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 })),
        }),
      );
    } catch (error) {
      this.#log(`Returning ${messages.length} message(s) to ${queueUrl} failed: ${describe(error)}; they come back after the visibility timeout`);
    }
  }

  async #resolveQueueUrl(): Promise<string | undefined> {
    const mapping = this.#deps.getMapping();
    const queueName = mapping && parseSqsArn(mapping.eventSourceArn)?.queueName;
    for (let attempt = 1; this.#running && queueName; attempt += 1) {
      try {
        const { QueueUrl } = await this.#deps.sqs.send(new GetQueueUrlCommand({ QueueName: queueName }), {
          abortSignal: this.#abort.signal,
        });
        if (QueueUrl) {
          return QueueUrl;
        }
      } catch (error) {
        if (!this.#running) {
          return undefined;
        }
        this.#log(`Cannot find queue ${queueName}: ${describe(error)}`);
      }
      await this.#pause(Math.min(5000, 100 * 2 ** attempt));
    }
    return undefined;
  }

  async #waitForSlot(maximumConcurrency: number): Promise<void> {
    while (this.#running && this.#inFlight.size >= maximumConcurrency) {
      await Promise.race([...this.#inFlight, this.#stopped.promise]);
    }
  }

  /**
   * Up to BatchSize messages, waiting at most the batching window once the
   * first arrives. A receive that fails once messages are gathered ends the
   * window: the function gets what was received (each message already counts
   * a receive, so dropping it would bring it nearer the dead-letter queue
   * unseen). A failure before any message, or an abort, is thrown.
   */
  async #gather(queueUrl: string, mapping: MappingRecord): Promise<Message[]> {
    const windowMs = mapping.maximumBatchingWindowInSeconds * 1000;
    const messages: Message[] = [];
    let bodyBytes = 0;
    let deadline: number | undefined;
    while (this.#running && messages.length < mapping.batchSize && bodyBytes < MAX_BATCH_BODY_BYTES) {
      let waitSeconds = LONG_POLL_SECONDS;
      if (deadline !== undefined) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          break;
        }
        if (remaining < 1000) {
          // Long polls count whole seconds: sleep out the window's end, then take what is there.
          await this.#pause(remaining);
          waitSeconds = 0;
        } else {
          waitSeconds = Math.min(LONG_POLL_SECONDS, Math.floor(remaining / 1000));
        }
      }
      let received: Message[];
      try {
        received = await this.#receive(queueUrl, Math.min(10, mapping.batchSize - messages.length), waitSeconds);
      } catch (error) {
        if (messages.length === 0 || this.#abort.signal.aborted) {
          throw error;
        }
        this.#log(
          `Receiving from ${mapping.eventSourceArn} failed: ${describe(error)}; invoking with the ${messages.length} message(s) received so far`,
        );
        break;
      }
      if (received.length === 0 && messages.length === 0 && this.#running) {
        // Idle: the timing profile's gap before the next poll (none in the fast profile).
        await this.#pause(drawMs(this.#deps.idlePollGapMs ?? [0, 0]));
        continue;
      }
      for (const message of received) {
        messages.push(message);
        bodyBytes += Buffer.byteLength(message.Body ?? '');
      }
      if (messages.length > 0 && windowMs === 0) {
        break;
      }
      if (messages.length > 0 && deadline === undefined) {
        deadline = Date.now() + windowMs;
      }
      if (waitSeconds === 0) {
        break;
      }
    }
    return messages;
  }

  async #receive(queueUrl: string, maxMessages: number, waitSeconds: number): Promise<Message[]> {
    const output = await this.#deps.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: maxMessages,
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: this.#abort.signal },
    );
    return output.Messages ?? [];
  }

  async #process(queueUrl: string, mapping: MappingRecord, messages: Message[]): Promise<void> {
    try {
      const event = buildSqsEvent(messages, mapping.eventSourceArn);
      const result = await this.#deps.invoker.invoke(
        mapping.functionName,
        { requestId: randomUUID(), payload: Buffer.from(JSON.stringify(event)), tail: false, invokedFunctionArn: mapping.functionArn },
        'EventSourceMapping',
      );
      this.#throttles = 0;
      if (result.functionError) {
        return; // Nothing is deleted: the messages come back after the visibility timeout.
      }
      let toDelete = messages;
      if (mapping.functionResponseTypes.includes('ReportBatchItemFailures')) {
        const ids = new Set(messages.map((message) => message.MessageId ?? ''));
        const report = parseBatchItemFailures(result.payload, ids);
        if (report.kind === 'invalid') {
          this.#log(`Invalid batch item failure response (${report.reason}): the whole batch failed`, result.requestId);
          return;
        }
        if (report.kind === 'partial') {
          toDelete = messages.filter((message) => !report.failedMessageIds.has(message.MessageId ?? ''));
        }
      }
      await this.#delete(queueUrl, toDelete);
    } catch (error) {
      if (error instanceof TooManyRequestsException) {
        // As on Lambda: nothing is deleted, the messages come back after the visibility timeout (a receive counted).
        this.#throttles += 1;
        const backoffMs = Math.min(MAX_THROTTLE_BACKOFF_MS, THROTTLE_BACKOFF_MS * 2 ** (this.#throttles - 1));
        this.#backoffUntil = Math.max(this.#backoffUntil, Date.now() + backoffMs);
        this.#log(
          `Invoke throttled: ${error.name} (Reserved concurrency of ${mapping.functionName} exhausted); ` +
            `${messages.length} message(s) of ${mapping.eventSourceArn} left to the visibility timeout, polling again in ${backoffMs} ms`,
        );
        return;
      }
      this.#log(`Processing a batch of ${mapping.eventSourceArn} failed: ${describe(error)}`);
    }
  }

  async #delete(queueUrl: string, messages: readonly Message[]): Promise<void> {
    for (let start = 0; start < messages.length; start += 10) {
      const entries = messages
        .slice(start, start + 10)
        .map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle ?? '' }));
      const output = await this.#deps.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      for (const failed of output.Failed ?? []) {
        this.#log(`Could not delete a processed message: ${failed.Code ?? ''} ${failed.Message ?? ''}`);
      }
    }
  }

  /** Waits `ms`, or less if the poller is stopped. */
  async #pause(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), this.#stopped.promise]);
    clearTimeout(timer);
  }

  #log(message: string, requestId?: string): void {
    this.#deps.logBook.platform(this.#functionName, `[event source mapping] ${message}`, requestId);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
