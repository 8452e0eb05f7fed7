import type { LogLine } from '../types.ts';

/**
 * Every function's recent log lines (a ring of `capacity` lines each),
 * forwarded to `onLog` as they are written. A failing `onLog` never breaks
 * an invocation.
 */
export class LogBook {
  readonly #capacity: number;
  readonly #onLog: ((line: LogLine) => void) | undefined;
  readonly #rings = new Map<string, LogLine[]>();

  constructor(options: { capacity?: number; onLog?: (line: LogLine) => void } = {}) {
    this.#capacity = options.capacity ?? 2000;
    this.#onLog = options.onLog;
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
  }

  /** Shorthand for a service-written line. */
  platform(functionName: string, message: string, requestId?: string): void {
    this.write({ functionName, requestId, stream: 'platform', message, timestamp: Date.now() });
  }

  lines(functionName: string): readonly LogLine[] {
    return [...(this.#rings.get(functionName) ?? [])];
  }
}
