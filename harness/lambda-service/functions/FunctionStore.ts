import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ApplicationLogLevel, Architecture, LogFormat, SnapStartApplyOn, SystemLogLevel, TracingMode } from '@aws-sdk/client-lambda';

/**
 * A function's LoggingConfig as Lambda reports it: LogFormat and LogGroup
 * always set (`Text`, `/aws/lambda/<name>` by default), the two levels only
 * with the JSON format. LogGroup is where the function's log lines belong.
 */
export interface FunctionLoggingConfig {
  readonly LogFormat: LogFormat;
  readonly LogGroup: string;
  readonly ApplicationLogLevel?: ApplicationLogLevel;
  readonly SystemLogLevel?: SystemLogLevel;
}

/** What the service knows about one function (only `$LATEST` exists). */
export interface FunctionRecord {
  readonly name: string;
  readonly arn: string;
  readonly runtime: string;
  readonly handler: string;
  readonly role: string;
  readonly description: string;
  /** Seconds. */
  readonly timeout: number;
  /** MB. */
  readonly memorySize: number;
  /** Absent until the function is given an Environment: Lambda then reports none. */
  readonly variables?: Readonly<Record<string, string>>;
  readonly code: StoredCode;
  /** Lambda's format: `2024-01-02T03:04:05.678+0000`. */
  readonly lastModified: string;
  readonly revisionId: string;
  /** Bumped by every code or configuration change; environments of an older generation are retired. */
  readonly generation: number;
  readonly reservedConcurrency?: number;
  readonly loggingConfig: FunctionLoggingConfig;
  /** Reported, not emulated: environments run on the host's architecture. */
  readonly architectures: readonly Architecture[];
  /** MB of /tmp, reported only (environments share the host's /tmp). */
  readonly ephemeralStorageSize: number;
  /** Reported only: nothing is sent to X-Ray. */
  readonly tracingMode: TracingMode;
  /** Reported only: there are no published versions to snap. */
  readonly snapStartApplyOn: SnapStartApplyOn;
  /** Reported only: asynchronous invocations are not retried nor dead-lettered. */
  readonly deadLetterTargetArn?: string;
  readonly kmsKeyArn?: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** A code version: the zip as uploaded and where it was extracted. */
export interface StoredCode {
  readonly sha256: string;
  readonly size: number;
  readonly zipPath: string;
  readonly directory: string;
}

/** A function was created (no `previous`) or replaced by a write of any of its fields. */
export interface FunctionChange {
  readonly current: FunctionRecord;
  readonly previous: FunctionRecord | undefined;
}

/** What the store tells its subscribers, synchronously, after each write. */
export interface FunctionStoreEvents {
  'function-changed': [change: FunctionChange];
  'function-deleted': [deleted: FunctionRecord];
}

/**
 * The functions, by name. Records are immutable: updates replace them.
 * Every write is announced (`on`), so what follows from it (environments
 * retired or killed, code versions pruned, the function's mappings deleted)
 * is done by those who subscribed, never remembered by the writer.
 */
export class FunctionStore {
  readonly #functions = new Map<string, FunctionRecord>();
  /** Names being created (their code is being extracted): a second create of one conflicts. */
  readonly #creating = new Set<string>();
  // Untyped inside: `on` and `#emit` below are what type the events.
  readonly #events = new EventEmitter();

  /** Subscribes to the store's writes; listeners run synchronously, in subscription order, inside the write. */
  on<Event extends keyof FunctionStoreEvents>(event: Event, listener: (...args: FunctionStoreEvents[Event]) => void): void {
    this.#events.on(event, listener);
  }

  get(name: string): FunctionRecord | undefined {
    return this.#functions.get(name);
  }

  has(name: string): boolean {
    return this.#functions.has(name) || this.#creating.has(name);
  }

  /** Reserves a name while its function is being created; false when it is taken. */
  reserve(name: string): boolean {
    if (this.has(name)) {
      return false;
    }
    this.#creating.add(name);
    return true;
  }

  /** Ends a reservation, with the created record or none (the create failed). */
  release(name: string, record?: FunctionRecord): void {
    this.#creating.delete(name);
    if (record) {
      this.#write(record);
    }
  }

  /** All functions sorted by name, the order ListFunctions pages through. */
  list(): FunctionRecord[] {
    return [...this.#functions.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  put(record: FunctionRecord): void {
    this.#write(record);
  }

  /**
   * The create or update of a function is done: Lambda gives it a new
   * RevisionId then (AWS-recorded `TestLambdaFunction::test_function_lifecycle`:
   * the one answered by CreateFunction or an update is stale once it is
   * Active / Successful).
   */
  settle(name: string): void {
    const current = this.#functions.get(name);
    if (current) {
      this.#write({ ...current, revisionId: randomUUID() });
    }
  }

  delete(name: string): void {
    const deleted = this.#functions.get(name);
    if (deleted) {
      this.#functions.delete(name);
      this.#emit('function-deleted', deleted);
    }
  }

  /** Sum of the reserved concurrency of every function but `exceptName`. */
  reservedConcurrencyTotal(exceptName?: string): number {
    let total = 0;
    for (const record of this.#functions.values()) {
      if (record.name !== exceptName) {
        total += record.reservedConcurrency ?? 0;
      }
    }
    return total;
  }

  #emit<Event extends keyof FunctionStoreEvents>(event: Event, ...args: FunctionStoreEvents[Event]): void {
    this.#events.emit(event, ...args);
  }

  #write(record: FunctionRecord): void {
    const previous = this.#functions.get(record.name);
    this.#functions.set(record.name, record);
    this.#emit('function-changed', { current: record, previous });
  }
}

/** Lambda's LastModified format for functions. */
export function lambdaTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace('Z', '+0000');
}
