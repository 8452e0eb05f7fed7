import { randomUUID } from 'node:crypto';
import type { Message } from '@aws-sdk/client-sqs';
import { parseSqsArn } from '../arns.ts';
import type { FunctionInvoker } from '../environments/FunctionInvoker.ts';
import { TooManyRequestsException } from '../errors.ts';
import type { MsRange } from '../LambdaTiming.ts';
import type { LogBook } from '../logs/LogBook.ts';
import type { MappingRecord } from '../mappings/EventSourceMappingStore.ts';
import { BatchGatherer } from './BatchGatherer.ts';
import { BatchSettler } from './BatchSettler.ts';
import { buildSqsEvent } from './buildSqsEvent.ts';
import { describeError } from './describeError.ts';
import type { QueueSource, SourceQueue } from './QueueSource.ts';

/** Batches in flight per mapping without ScalingConfig (AWS starts with 5 pollers). */
export const DEFAULT_MAXIMUM_CONCURRENCY = 5;
/** Pause before polling again after a throttled invoke: doubles while throttles follow each other. */
const THROTTLE_BACKOFF_MS = 500;
const MAX_THROTTLE_BACKOFF_MS = 5000;

export interface PollerDependencies {
  /** The SQS API, or fauxqs's store in this process. */
  source: QueueSource;
  invoker: FunctionInvoker;
  logBook: LogBook;
  /** How long to wait after a receive that brought nothing (the timing profile's idle poll gaps); default none. */
  idlePollGapMs?: MsRange;
  /** The mapping as it is now: batch size, window and concurrency are read live. */
  getMapping(): MappingRecord | undefined;
}

/**
 * The poller of one SQS event source mapping. One long-poll at a time
 * gathers a batch (BatchGatherer: batch size, batching window), then the
 * function is invoked in-process while the next batch is gathered, up to the
 * mapping's maximum concurrency, and its answer settles the batch with the
 * queue (BatchSettler: deleted, partly deleted, or left to the visibility
 * timeout and redrive policy). A throttled invoke (reserved concurrency
 * full) deletes nothing, and the poller backs off before receiving again.
 */
export class EventSourcePoller {
  readonly #deps: PollerDependencies;
  readonly #abort = new AbortController();
  /** Aborted by any stop: a long poll of the in-process store ends at once (see QueueSource's `stopWaiting`). */
  readonly #stopWaiting = new AbortController();
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
   * Stops polling. Without `abort` (disable, delete) a long poll over HTTP
   * still pending is left to finish and what it returns is processed, as a
   * Disabling mapping on Lambda may still deliver a batch (a poll of the
   * in-process store ends at once, with nothing); `polling`
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
    this.#stopWaiting.abort();
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
    const queue = await this.#resolveQueue();
    if (!queue) {
      return;
    }
    const log = (message: string, requestId?: string): void => this.#log(message, requestId);
    const gatherer = new BatchGatherer({
      queue,
      signal: this.#abort.signal,
      stopWaiting: this.#stopWaiting.signal,
      isRunning: () => this.#running,
      pause: (ms) => this.#pause(ms),
      log,
      ...(this.#deps.idlePollGapMs ? { idlePollGapMs: this.#deps.idlePollGapMs } : {}),
    });
    const settler = new BatchSettler({ queue, log });
    let failures = 0;
    while (this.#running) {
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
        messages = await gatherer.gather(mapping);
        failures = 0;
      } catch (error) {
        if (!this.#running) {
          break;
        }
        failures += 1;
        this.#log(`Polling ${mapping.eventSourceArn} failed: ${describeError(error)}`);
        await this.#pause(Math.min(5000, 100 * 2 ** failures));
        continue;
      }
      if (messages.length > 0 && this.#releasing) {
        await settler.release(messages);
        break;
      }
      // After an abort (service shutdown) the invoker is closed: what was received goes back to the queue.
      if (messages.length > 0 && !this.#abort.signal.aborted) {
        const task = this.#process(settler, mapping, messages);
        this.#inFlight.add(task);
        void task.finally(() => this.#inFlight.delete(task));
      }
    }
  }

  async #resolveQueue(): Promise<SourceQueue | undefined> {
    const mapping = this.#deps.getMapping();
    const queueArn = mapping?.eventSourceArn;
    const queueName = queueArn && parseSqsArn(queueArn)?.queueName;
    for (let attempt = 1; this.#running && queueArn && queueName; attempt += 1) {
      try {
        return await this.#deps.source.resolve(queueArn, this.#abort.signal);
      } catch (error) {
        if (!this.#running) {
          return undefined;
        }
        this.#log(`Cannot find queue ${queueName}: ${describeError(error)}`);
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

  async #process(settler: BatchSettler, mapping: MappingRecord, messages: Message[]): Promise<void> {
    try {
      const event = buildSqsEvent(messages, mapping.eventSourceArn);
      const result = await this.#deps.invoker.invoke(
        mapping.functionName,
        { requestId: randomUUID(), payload: Buffer.from(JSON.stringify(event)), tail: false, invokedFunctionArn: mapping.functionArn },
        'EventSourceMapping',
      );
      this.#throttles = 0;
      await settler.settle(mapping, messages, result);
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
      this.#log(`Processing a batch of ${mapping.eventSourceArn} failed: ${describeError(error)}`);
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
