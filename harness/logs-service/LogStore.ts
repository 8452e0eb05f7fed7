import { logGroupArn, logStreamArn, type Location } from './arns.ts';
import { ResourceAlreadyExistsException, ResourceNotFoundException, ValidationException } from './errors.ts';
import { LogGroup, type LogGroupClass } from './LogGroup.ts';
import { LogStream } from './LogStream.ts';
import type { LogEntry, LogStoreLimits, StoredEvent } from './types.ts';
import { EMULATOR_ACCOUNT_ID } from '../aws/emulator.ts';

/** The size PutLogEvents counts for an event: its UTF-8 bytes plus 26. */
export function eventSize(message: string): number {
  return Buffer.byteLength(message, 'utf8') + 26;
}

/**
 * Log groups, their streams and events, in memory. The actions use it
 * through the API; the embedded Lambda service writes its functions' lines
 * with `write`, which creates the group and stream on demand as Lambda does.
 */
export class LogStore {
  readonly location: Location;
  readonly limits: LogStoreLimits;
  readonly #now: () => number;
  readonly #groups = new Map<string, LogGroup>();
  #seq = 0;

  constructor(options: { accountId?: string; region?: string; now?: () => number } & Partial<LogStoreLimits> = {}) {
    this.location = { accountId: options.accountId ?? EMULATOR_ACCOUNT_ID, region: options.region ?? 'us-east-1' };
    this.limits = {
      maxEventsPerStream: options.maxEventsPerStream ?? 10_000,
      maxBytesPerStream: options.maxBytesPerStream ?? 8 * 1024 * 1024,
    };
    this.#now = options.now ?? Date.now;
  }

  /** The store's clock, epoch milliseconds. */
  now(): number {
    return this.#now();
  }

  createGroup(options: {
    name: string;
    tags?: Record<string, string>;
    logGroupClass?: LogGroupClass;
    kmsKeyId?: string;
    deletionProtectionEnabled?: boolean;
  }): LogGroup {
    if (this.#groups.has(options.name)) {
      throw ResourceAlreadyExistsException.logGroup();
    }
    const group = new LogGroup({ ...options, arn: logGroupArn(this.location, options.name), creationTime: this.now() });
    for (const [key, value] of Object.entries(options.tags ?? {})) {
      group.tags.set(key, value);
    }
    this.#groups.set(options.name, group);
    return group;
  }

  group(name: string): LogGroup | undefined {
    return this.#groups.get(name);
  }

  /** The group, or ResourceNotFoundException as AWS words it. */
  requireGroup(name: string | undefined): LogGroup {
    const group = name === undefined ? undefined : this.#groups.get(name);
    if (!group) {
      throw ResourceNotFoundException.logGroup();
    }
    return group;
  }

  /** All groups in name order (code unit order, as DescribeLogGroups lists them). */
  groups(): LogGroup[] {
    return [...this.#groups.values()].sort((a, b) => byCodeUnits(a.name, b.name));
  }

  deleteGroup(name: string): void {
    const group = this.requireGroup(name);
    if (group.deletionProtectionEnabled) {
      // Wording from "Protecting log groups from deletion" (CloudWatch Logs user guide).
      throw new ValidationException('Cannot delete log group with deletion protection enabled. Disable deletion protection first.');
    }
    this.#groups.delete(name);
  }

  createStream(group: LogGroup, name: string): LogStream {
    if (group.streams.has(name)) {
      throw ResourceAlreadyExistsException.logStream();
    }
    const stream = new LogStream({
      name,
      arn: logStreamArn(this.location, group.name, name),
      creationTime: this.now(),
      limits: this.limits,
    });
    group.streams.set(name, stream);
    return stream;
  }

  requireStream(group: LogGroup, name: string): LogStream {
    const stream = group.streams.get(name);
    if (!stream) {
      throw ResourceNotFoundException.logStream();
    }
    return stream;
  }

  /** Stores events (already in time order) with one ingestion time; returns what was stored. */
  append(stream: LogStream, events: readonly { timestamp: number; message: string }[]): StoredEvent[] {
    const ingestionTime = this.now();
    const stored = events.map((event) => {
      this.#seq += 1;
      return { timestamp: event.timestamp, message: event.message, ingestionTime, seq: this.#seq, size: eventSize(event.message) };
    });
    stream.add(stored);
    return stored;
  }

  /** Writes one line, creating its log group and stream when missing (as Lambda does for its functions). */
  write(entry: LogEntry): void {
    const group = this.#groups.get(entry.logGroupName) ?? this.createGroup({ name: entry.logGroupName });
    const stream = group.streams.get(entry.logStreamName) ?? this.createStream(group, entry.logStreamName);
    this.append(stream, [{ timestamp: entry.timestamp, message: entry.message }]);
  }

  /** Every event of a log group (all streams), oldest first: a helper for tests and reports. */
  events(groupName: string): (StoredEvent & { logStreamName: string })[] {
    const group = this.#groups.get(groupName);
    if (!group) {
      return [];
    }
    return [...group.streams.values()]
      .flatMap((stream) => stream.events.map((event) => ({ ...event, logStreamName: stream.name })))
      .sort((a, b) => a.timestamp - b.timestamp || a.seq - b.seq);
  }
}

/** Plain code unit order (not locale order), as AWS sorts names. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
