import { dropOldest } from '../../collections/dropOldest.ts';
import type { LogLine, LogSinkEntry } from '../types.ts';

/** Characters of log kept per function at most, whatever the number of lines (16 MB of one-byte text). */
const MAX_RING_CHARS = 16 * 1024 * 1024;

interface Ring {
  lines: LogLine[];
  chars: number;
}

/**
 * Every function's recent log lines (a ring of `capacity` lines and at most
 * 16 MB of text each), forwarded to `onLog` as they are written, and the lines
 * of execution environments to `sink` as log events. A failing `onLog` or
 * `sink` never breaks an invocation.
 */
export class LogBook {
  readonly #capacity: number;
  readonly #maxChars: number;
  readonly #onLog: ((line: LogLine) => void) | undefined;
  readonly #sink: ((entry: LogSinkEntry) => void) | undefined;
  readonly #rings = new Map<string, Ring>();

  constructor(options: { capacity?: number; maxChars?: number; onLog?: (line: LogLine) => void; sink?: (entry: LogSinkEntry) => void } = {}) {
    this.#capacity = options.capacity ?? 2000;
    this.#maxChars = options.maxChars ?? MAX_RING_CHARS;
    this.#onLog = options.onLog;
    this.#sink = options.sink;
  }

  write(line: LogLine): void {
    let ring = this.#rings.get(line.functionName);
    if (!ring) {
      ring = { lines: [], chars: 0 };
      this.#rings.set(line.functionName, ring);
    }
    ring.lines.push(line);
    ring.chars += line.message.length;
    let drop = 0;
    while (ring.lines.length - drop > this.#capacity || (ring.chars > this.#maxChars && ring.lines.length - drop > 1)) {
      ring.chars -= ring.lines[drop]?.message.length ?? 0;
      drop += 1;
    }
    dropOldest(ring.lines, drop);
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
    return [...(this.#rings.get(functionName)?.lines ?? [])];
  }
}
