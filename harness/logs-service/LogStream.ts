import { dropOldest } from '../collections/dropOldest.ts';
import { compareKeys } from './eventKeys.ts';
import type { LogStoreLimits, StoredEvent } from './types.ts';

/**
 * One log stream: its events in time order, bounded by the store's limits
 * (past them the oldest events are dropped, so a chatty function cannot
 * exhaust memory).
 */
export class LogStream {
  readonly name: string;
  readonly arn: string;
  readonly creationTime: number;
  readonly #limits: LogStoreLimits;
  #events: StoredEvent[] = [];
  #bytes = 0;
  #lastIngestionTime: number | undefined;

  constructor(options: { name: string; arn: string; creationTime: number; limits: LogStoreLimits }) {
    this.name = options.name;
    this.arn = options.arn;
    this.creationTime = options.creationTime;
    this.#limits = options.limits;
  }

  /** The events in time order (a live view: do not hold it across writes). */
  get events(): readonly StoredEvent[] {
    return this.#events;
  }

  get firstEventTimestamp(): number | undefined {
    return this.#events[0]?.timestamp;
  }

  get lastEventTimestamp(): number | undefined {
    return this.#events.at(-1)?.timestamp;
  }

  get lastIngestionTime(): number | undefined {
    return this.#lastIngestionTime;
  }

  /** Bytes held (message bytes + 26 per event). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Adds events sorted by key (one batch); keeps the stream sorted and within its limits. */
  add(batch: readonly StoredEvent[]): void {
    const first = batch[0];
    if (first === undefined) {
      return;
    }
    const last = this.#events.at(-1);
    if (last === undefined || compareKeys(last, first) <= 0) {
      this.#events.push(...batch);
    } else {
      // A batch older than what is stored (clients may send batches out of order): merge.
      this.#events = [...this.#events, ...batch].sort(compareKeys);
    }
    for (const event of batch) {
      this.#bytes += event.size;
      this.#lastIngestionTime = Math.max(this.#lastIngestionTime ?? 0, event.ingestionTime);
    }
    this.#trim();
  }

  #trim(): void {
    const { maxEventsPerStream, maxBytesPerStream } = this.#limits;
    let drop = Math.max(0, this.#events.length - maxEventsPerStream);
    let bytes = this.#bytes;
    for (let i = 0; i < drop; i += 1) {
      bytes -= this.#events[i]?.size ?? 0;
    }
    // Keep at least the newest event, however large.
    while (bytes > maxBytesPerStream && drop < this.#events.length - 1) {
      bytes -= this.#events[drop]?.size ?? 0;
      drop += 1;
    }
    dropOldest(this.#events, drop);
    this.#bytes = bytes;
  }
}
