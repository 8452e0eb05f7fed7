import type { EventKey } from './types.ts';

/** Time order of events: timestamp, then ingestion sequence (unique in a store). */
export function compareKeys(a: EventKey, b: EventKey): number {
  return a.timestamp - b.timestamp || a.seq - b.seq;
}

/** Index of the first event after `key` in a sorted list (binary search). */
export function indexAfter(events: readonly EventKey[], key: EventKey): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const event = events[mid];
    if (event !== undefined && compareKeys(event, key) <= 0) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

/** Index of the first event at or after `timestamp` in a sorted list. */
export function indexAtTime(events: readonly EventKey[], timestamp: number): number {
  return indexAfter(events, { timestamp, seq: -1 });
}

/**
 * The 56-digit id of an event (AWS's event ids are 56 digits too): the
 * timestamp and the sequence, so ids sort like the events and stay unique.
 */
export function eventIdOf(key: EventKey): string {
  return `${String(key.timestamp).padStart(20, '0')}${String(key.seq).padStart(36, '0')}`;
}

/** The key encoded by `eventIdOf`, or undefined for anything else. */
export function keyOfEventId(id: string): EventKey | undefined {
  if (!/^\d{56}$/.test(id)) {
    return undefined;
  }
  const timestamp = Number(id.slice(0, 20));
  const seq = Number(id.slice(20));
  return Number.isSafeInteger(timestamp) && Number.isSafeInteger(seq) ? { timestamp, seq } : undefined;
}
