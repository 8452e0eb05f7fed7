import type { Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes, LogItemExtraInput } from '@aws-lambda-powertools/logger/types';

/** What a log call takes after its message, as Powertools does: key objects, or one Error or string. */
export type LogExtra = LogItemExtraInput;

/**
 * The invocation's logger with one record's keys (`messageId`, `correlationId`, `orderId`) on every line.
 *
 * Records of a batch are processed in parallel, so their keys cannot live on the shared logger. Powertools'
 * `createChild()` would keep them apart, but each child is a new Logger with its own cold-start flag, which
 * its first `addContext` reads as true: every record's lines said `"cold_start": true`, warm invocations
 * included. This writes through the invocation's logger instead, whose flag is true on the first invocation
 * of the environment only, as on AWS.
 */
export class RecordLogger {
  readonly #logger: Logger;
  readonly #keys = new Map<string, LogAttributes[string]>();

  constructor(logger: Logger, keys: LogAttributes = {}) {
    this.#logger = logger;
    this.appendKeys(keys);
  }

  /** Sets keys on every later line of this record; a `null` or `undefined` value removes the key. */
  appendKeys(keys: LogAttributes): void {
    for (const [key, value] of Object.entries(keys)) {
      if (value === null || value === undefined) this.#keys.delete(key);
      else this.#keys.set(key, value);
    }
  }

  debug(message: string, ...extra: LogExtra): void {
    this.#logger.debug(this.#line(message), ...extra);
  }

  info(message: string, ...extra: LogExtra): void {
    this.#logger.info(this.#line(message), ...extra);
  }

  warn(message: string, ...extra: LogExtra): void {
    this.#logger.warn(this.#line(message), ...extra);
  }

  error(message: string, ...extra: LogExtra): void {
    this.#logger.error(this.#line(message), ...extra);
  }

  // The keys go with the message, so that the extra input stays what Powertools allows (one Error, or key objects).
  #line(message: string): LogAttributes & { message: string } {
    return { ...Object.fromEntries(this.#keys), message };
  }
}
