import { readTreeRss, type TreeRss } from './procfs.ts';

/** What a sampler saw between start and stop. */
export interface RssPeak {
  /** Largest sum over the tree, in MB (1 MB = 1024 kB). */
  peakMb: number;
  /** The harness process's own share of that peak. */
  peakRootMb: number;
  /** Processes in the tree at the peak (harness plus Lambda environments). */
  peakProcesses: number;
  samples: number;
  intervalMs: number;
}

/** Every this many samples the walk reads every thread's children, not only the main thread's. */
const FULL_WALK_EVERY = 20;

/**
 * Samples the summed RSS of this process and its descendants (the Lambda
 * environments) every `intervalMs` from `/proc`, keeping the maximum.
 * It shares the CPU with the system it measures, so a tick is cheap: two
 * small files per process (about 0.1 ms for a dozen), with the ten-times
 * dearer all-threads walk once a second.
 */
export class RssSampler {
  readonly #intervalMs: number;
  readonly #rootPid: number;
  #timer: NodeJS.Timeout | undefined;
  #peak: TreeRss = { totalKb: 0, rootKb: 0, processes: 0 };
  #samples = 0;

  constructor(options: { intervalMs?: number; rootPid?: number } = {}) {
    this.#intervalMs = options.intervalMs ?? 50;
    this.#rootPid = options.rootPid ?? process.pid;
  }

  start(): this {
    this.#sample();
    this.#timer ??= setInterval(() => this.#sample(), this.#intervalMs);
    return this;
  }

  stop(): RssPeak {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#sample();
    return {
      peakMb: this.#peak.totalKb / 1024,
      peakRootMb: this.#peak.rootKb / 1024,
      peakProcesses: this.#peak.processes,
      samples: this.#samples,
      intervalMs: this.#intervalMs,
    };
  }

  #sample(): void {
    const reading = readTreeRss(this.#rootPid, { allThreads: this.#samples % FULL_WALK_EVERY === 0 });
    this.#samples += 1;
    if (reading.totalKb > this.#peak.totalKb) {
      this.#peak = reading;
    }
  }
}
