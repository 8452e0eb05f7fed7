import type { SQSClient } from '@aws-sdk/client-sqs';
import type { ReadLogsOptions, Stack } from '../backends/types.ts';
import { DeadLetterCollector, DeadLetterReading } from './DeadLetterCollector.ts';
import { toLogRecord, type LambdaLogRecord } from './LambdaLogRecord.ts';
import { OutcomeCollector, type CollectedOutcome } from './OutcomeCollector.ts';
import { groupInvocations, type LambdaInvocation } from './parseLambdaLogs.ts';
import { Waiters, type UntilOptions } from './Waiters.ts';

/** A consumer whose dead-letter queue the observer reads (a discovered consumer is one). */
export interface ObservedConsumer {
  functionName: string;
  dlqUrl: string | null;
}

export interface ObservationOptions {
  /** The consumers whose DLQs are read; default none (only the outcomes queue). */
  consumers?: readonly ObservedConsumer[];
  /** Default `peek`: nothing is taken off a DLQ unless the stack is the run's own. */
  deadLetterReading?: DeadLetterReading;
  /** Only dead letters whose correlation id starts with this are indexed; see {@link DeadLetterCollector}. */
  correlationIdPrefix?: string;
  /** Concurrent long polls of the outcomes queue. Default 2. */
  outcomePollers?: number;
  /** Long-poll wait per receive, in seconds. Default 2. */
  waitTimeSeconds?: number;
  /** Called with each outcome as it arrives, for tallies (the bench's latencies). */
  onOutcome?: (collected: CollectedOutcome, arrivedAt: number) => void;
}

/** How many poll and delete errors are kept for failure messages. */
const POLL_ERRORS_KEPT = 50;

/**
 * Everything the specs and the bench see of a running stack, behind one door: the outcomes and dead
 * letters collected for the whole run, waits with deadlines over both, and the Lambda logs as records.
 * Outcomes and dead letters share one set of waiters, so a condition over both wakes on either.
 */
export class StackObserver implements AsyncDisposable {
  readonly outcomes: OutcomeCollector;
  readonly deadLetters: DeadLetterCollector;
  readonly #stack: Pick<Stack, 'readLambdaLogEvents'>;
  readonly #waiters = new Waiters();
  readonly #pollErrors: string[] = [];
  #stopped: Promise<void> | undefined;

  constructor(stack: Pick<Stack, 'info' | 'readLambdaLogEvents' | 'inProcessSqs'>, clients: { sqs: SQSClient }, options: ObservationOptions = {}) {
    this.#stack = stack;
    const onError = (error: unknown): void => {
      if (this.#pollErrors.length < POLL_ERRORS_KEPT) {
        this.#pollErrors.push(`${new Date().toISOString()} ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const waitTimeSeconds = options.waitTimeSeconds === undefined ? {} : { waitTimeSeconds: options.waitTimeSeconds };
    // The embedded stack's queues are this process's own: read from its store, not through HTTP to itself.
    const store = stack.inProcessSqs ? { store: stack.inProcessSqs } : {};
    this.outcomes = new OutcomeCollector({
      sqs: clients.sqs,
      queueUrl: stack.info.outcomesQueueUrl,
      ...store,
      onError,
      waiters: this.#waiters,
      ...(options.outcomePollers === undefined ? {} : { pollers: options.outcomePollers }),
      ...waitTimeSeconds,
      ...(options.onOutcome ? { onOutcome: options.onOutcome } : {}),
    });
    this.deadLetters = new DeadLetterCollector({
      sqs: clients.sqs,
      ...store,
      queues: (options.consumers ?? []).flatMap((c) => (c.dlqUrl ? [{ functionName: c.functionName, dlqUrl: c.dlqUrl }] : [])),
      reading: options.deadLetterReading ?? DeadLetterReading.peek,
      ...(options.correlationIdPrefix === undefined ? {} : { correlationIdPrefix: options.correlationIdPrefix }),
      onError,
      waiters: this.#waiters,
      ...waitTimeSeconds,
    });
  }

  start(): this {
    this.outcomes.start();
    this.deadLetters.start();
    return this;
  }

  /** Failed polls of the outcomes queue or a DLQ, and deletes SQS refused (the first 50), each with its time. */
  get pollErrors(): readonly string[] {
    return this.#pollErrors;
  }

  /**
   * Waits until `check` returns a value, re-checking whenever an outcome or a dead letter arrives;
   * `undefined` at the deadline, so the caller can say what it saw.
   */
  until<T>(check: () => T | undefined, options: UntilOptions): Promise<T | undefined> {
    return this.#waiters.until(check, options);
  }

  /** The function's recent log lines, oldest first, each read once into a record. */
  async logRecords(functionName: string, options: ReadLogsOptions = {}): Promise<LambdaLogRecord[]> {
    return (await this.#stack.readLambdaLogEvents(functionName, options)).map(toLogRecord);
  }

  /** The function's recent invocations, from its log records. */
  async invocations(functionName: string, options: ReadLogsOptions = {}): Promise<LambdaInvocation[]> {
    return groupInvocations(await this.logRecords(functionName, options));
  }

  /** Stops reading the queues at once (a long poll in flight is left to run out, see ReceiveLoop); safe to call twice. */
  stop(): Promise<void> {
    this.#stopped ??= Promise.allSettled([this.outcomes.stop(), this.deadLetters.stop()]).then(() => undefined);
    return this.#stopped;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}

/** Starts observing a stack: the outcomes queue, and the DLQs of the consumers given. */
export function startObservation(stack: Pick<Stack, 'info' | 'readLambdaLogEvents' | 'inProcessSqs'>, clients: { sqs: SQSClient }, options: ObservationOptions = {}): StackObserver {
  return new StackObserver(stack, clients, options).start();
}
