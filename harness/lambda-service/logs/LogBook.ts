import type { LogLine, LogSinkEntry } from '../types.ts';

/**
 * Every function's recent log lines (a ring of `capacity` lines each),
 * forwarded to `onLog` as they are written, and the lines of execution
 * environments to `sink` as log events. A failing `onLog` or `sink` never
 * breaks an invocation.
 */
export class LogBook {
  readonly #capacity: number;
  readonly #onLog: ((line: LogLine) => void) | undefined;
  readonly #sink: ((entry: LogSinkEntry) => void) | undefined;
  readonly #rings = new Map<string, LogLine[]>();

  constructor(options: { capacity?: number; onLog?: (line: LogLine) => void; sink?: (entry: LogSinkEntry) => void } = {}) {
    this.#capacity = options.capacity ?? 2000;
    this.#onLog = options.onLog;
    this.#sink = options.sink;
  }

  write(line: LogLine): void {
    let ring = this.#rings.get(line.functionName);
    if (!ring) {
      ring = [];
      this.#rings.set(line.functionName, ring);
    }
    ring.push(line);
    if (ring.length > this.#capacity) {
      ring.splice(0, ring.length - this.#capacity);
    }
    try {
      this.#onLog?.(line);
    } catch {
      // A reporter's bug must not fail the function.
    }
    // Only environments' lines: the service's own notes (mappings, dropped events) are no Lambda log on AWS.
    if (this.#sink && line.logGroupName !== undefined && line.logStreamName !== undefined) {
      try {
        // Lambda's events end with the newline of the line (LocalStack keeps it as well, lambda_/invocation/logs.py).
        this.#sink({ logGroupName: line.logGroupName, logStreamName: line.logStreamName, timestamp: line.timestamp, message: `${line.message}\n` });
      } catch {
        // Same as onLog.
      }
    }
  }

  /** Shorthand for a service-written line. */
  platform(functionName: string, message: string, requestId?: string): void {
    this.write({ functionName, requestId, stream: 'platform', message, timestamp: Date.now() });
  }

  lines(functionName: string): readonly LogLine[] {
    return [...(this.#rings.get(functionName) ?? [])];
  }
}
