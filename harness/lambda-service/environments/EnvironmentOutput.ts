import { LineSplitter, type MarkerKind } from '../logs/LineSplitter.ts';
import type { LogBook } from '../logs/LogBook.ts';

const TAIL_BYTES = 4096;
/** How long to wait for the last output of an invocation once its result is in. */
const FLUSH_GRACE_MS = 250;

/**
 * The log of one environment: its stdout and stderr, split into lines and
 * attributed to the invocation running, plus the service's own (platform)
 * lines. Keeps the current invocation's lines for `LogType: Tail`, and
 * knows when all of an invocation's output has been read (the bootstrap
 * writes a flush marker on both streams before posting a result) and
 * whether the runtime took the invocation at all (its take marker).
 */
export class EnvironmentOutput {
  readonly #functionName: string;
  readonly #logBook: LogBook;
  /** Where the lines go in CloudWatch Logs: the function's log group and this environment's stream. */
  readonly #destination: { logGroupName: string; logStreamName: string };
  #requestId: string | undefined;
  /** The invocation handed to the runtime, until it says it took it. */
  #offered: { requestId: string; onTaken: () => void } | undefined;
  #lines: string[] | undefined;
  #flush: { requestId: string; remaining: number; done: PromiseWithResolvers<undefined> } | undefined;
  #openStreams = 0;

  constructor(options: { functionName: string; logBook: LogBook; logGroupName: string; logStreamName: string }) {
    this.#functionName = options.functionName;
    this.#logBook = options.logBook;
    this.#destination = { logGroupName: options.logGroupName, logStreamName: options.logStreamName };
  }

  attach(stream: NodeJS.ReadableStream | null, name: 'stdout' | 'stderr'): void {
    if (!stream) {
      return;
    }
    this.#openStreams += 1;
    const splitter = new LineSplitter({
      onLine: (line) => this.#write(name, line),
      onMarker: (kind: MarkerKind, requestId) => (kind === 'take' ? this.#onTake(requestId) : this.#onMarker(requestId)),
    });
    stream.on('data', (chunk: Buffer) => splitter.push(chunk));
    stream.once('end', () => {
      splitter.end();
      this.#openStreams -= 1;
      this.#onMarker(undefined);
    });
  }

  /**
   * The invocation is handed to the runtime. Lines belong to it from the
   * moment the runtime takes it (`onTaken` runs then, before any of them);
   * what the process writes before that is no part of it.
   */
  begin(requestId: string, onTaken: () => void): void {
    this.#offered = { requestId, onTaken };
    this.#flush = { requestId, remaining: this.#openStreams, done: Promise.withResolvers<undefined>() };
  }

  /** The runtime took the current invocation (its marker was read, or `markTaken` was called). */
  get taken(): boolean {
    return this.#requestId !== undefined;
  }

  /** The runtime answered the invocation, so it took it, even if its marker was never read. */
  markTaken(): void {
    if (this.#offered) {
      this.#onTake(this.#offered.requestId);
    }
  }

  /** A line written by the service itself (START, END, REPORT, warnings). */
  platform(message: string): void {
    this.#write('platform', message);
  }

  /** Waits until every line the invocation wrote has been read (or briefly, if a marker never comes). */
  async flushed(): Promise<void> {
    const flush = this.#flush;
    if (!flush || flush.remaining <= 0) {
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_GRACE_MS)));
    await Promise.race([flush.done.promise, grace]);
    clearTimeout(timer);
  }

  /** Ends the invocation; returns the base64 of its last 4 KB of log when `tail` is asked. */
  end(tail: boolean): string | undefined {
    const lines = this.#lines ?? [];
    this.#requestId = undefined;
    this.#offered = undefined;
    this.#lines = undefined;
    this.#flush = undefined;
    if (!tail) {
      return undefined;
    }
    const text = Buffer.from(`${lines.join('\n')}\n`);
    return text.subarray(Math.max(0, text.byteLength - TAIL_BYTES)).toString('base64');
  }

  #write(stream: 'stdout' | 'stderr' | 'platform', message: string): void {
    this.#lines?.push(message);
    this.#logBook.write({
      functionName: this.#functionName,
      requestId: this.#requestId,
      stream,
      message,
      timestamp: Date.now(),
      ...this.#destination,
    });
  }

  #onTake(requestId: string): void {
    const offered = this.#offered;
    if (offered?.requestId === requestId && this.#requestId === undefined) {
      this.#requestId = requestId;
      this.#lines = [];
      offered.onTaken();
    }
  }

  /** A flush marker for `requestId`, or a stream that ended (undefined). */
  #onMarker(requestId: string | undefined): void {
    const flush = this.#flush;
    if (flush && (requestId === undefined || flush.requestId === requestId)) {
      flush.remaining -= 1;
      if (flush.remaining <= 0) {
        flush.done.resolve(undefined);
      }
    }
  }
}
