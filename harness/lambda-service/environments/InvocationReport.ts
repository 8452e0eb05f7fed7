import { reportLine } from '../logs/platformLines.ts';

/** How an invocation ended, as its REPORT line tells it. */
export interface InvocationEnd {
  durationMs: number;
  status?: 'timeout' | 'error';
  errorType?: string;
}

/**
 * The REPORT lines of one execution environment and the durations in them, with the fields Lambda documents
 * (Lambda Developer Guide, nodejs-logging.html, "REPORT line data fields"; Operator Guide, log-structure.html):
 * Duration (the handler's time, init excluded), Billed Duration, Memory Size, Max Memory Used, and Init
 * Duration ("for the first request served, the amount of time it took the runtime to load the function and
 * run code outside of the handler method") only on the environment's first invocation, so an environment
 * started anew (after a crash, a timeout, a code change, or idle reaping) reports a cold start again.
 */
export class InvocationReport {
  readonly #memorySizeMb: number;
  readonly #spawnedAt = performance.now();
  #initDurationMs: number | undefined;
  #coldStartPending = true;

  constructor(options: { memorySizeMb: number }) {
    this.#memorySizeMb = options.memorySizeMb;
  }

  /** Init is over (the runtime asked for work, or init failed): Init Duration runs from the spawn to now. */
  initEnded(): void {
    this.#initDurationMs ??= performance.now() - this.#spawnedAt;
  }

  /** Starts timing an invocation; the function returned gives its Duration so far. */
  static time(): () => number {
    const startedAt = performance.now();
    return () => performance.now() - startedAt;
  }

  /** The REPORT line of an invocation; the first one of the environment carries Init Duration. */
  line(requestId: string, end: InvocationEnd, maxMemoryUsedMb: number): string {
    const initDurationMs = this.#coldStartPending ? this.#initDurationMs : undefined;
    this.#coldStartPending = false;
    // The one place the text is built: its format can move to a shared contract by swapping this call.
    return reportLine({
      requestId,
      durationMs: end.durationMs,
      memorySizeMb: this.#memorySizeMb,
      maxMemoryUsedMb,
      initDurationMs,
      status: end.status,
      errorType: end.errorType,
    });
  }
}
