/** Public types of the emulated CloudWatch Logs service. */

/** One log line written through `LogStore.write` (what the Lambda service's log sink hands over). */
export interface LogEntry {
  logGroupName: string;
  logStreamName: string;
  /** Epoch milliseconds. */
  timestamp: number;
  message: string;
}

/** An event as stored: `seq` orders events of equal timestamp and makes the event id unique. */
export interface StoredEvent {
  readonly timestamp: number;
  readonly message: string;
  readonly ingestionTime: number;
  readonly seq: number;
  /** UTF-8 bytes of the message plus 26, the size PutLogEvents counts per event. */
  readonly size: number;
}

/** Where an event sits in time order: by timestamp, then by ingestion sequence. */
export interface EventKey {
  readonly timestamp: number;
  readonly seq: number;
}

/** Bounds of the in-memory store: past them the oldest events of a stream are dropped. */
export interface LogStoreLimits {
  /** Events kept per log stream; default 10,000 (one full PutLogEvents batch). */
  maxEventsPerStream: number;
  /** Bytes kept per log stream (message bytes + 26 per event); default 8 MiB. */
  maxBytesPerStream: number;
}

export interface LogsServiceOptions extends Partial<LogStoreLimits> {
  /** Account id of the ARNs; default `000000000000`. */
  accountId?: string;
  /** Region of the ARNs; default `us-east-1`. */
  region?: string;
  /** The clock (epoch ms), for tests of the too-old / too-new rules; default `Date.now`. */
  now?: () => number;
}
