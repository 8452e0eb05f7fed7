import { readFileSync } from 'node:fs';

const KIB_PER_MB = 1024;

/**
 * The peak resident memory of one environment's process, for REPORT's `Max Memory Used`: "the amount
 * of memory used by the function. When invocations share an execution environment, Lambda reports the
 * maximum memory used across all invocations" (Lambda Developer Guide, nodejs-logging.html, "REPORT line
 * data fields"). Read from outside the process, as Lambda measures its sandbox: VmHWM of
 * `/proc/<pid>/status` (Linux; world-readable, so also for an environment running as a user of its own).
 * Where /proc cannot be read, the runtime's own figure (`process.resourceUsage().maxRSS`, sent by the
 * bootstrap only there) is used. Not that figure on Linux: getrusage's maxrss survives exec, so a child of a
 * forked service starts with the service's peak (a 40 MB environment reported the service's 300 MB).
 * Whole MB (MiB, as Memory Size), rounded to the nearest: AWS prints whole MB and documents no rounding.
 */
export class PeakMemory {
  #peakMb = 0;

  /** The peak so far (0 before the first reading); it never goes down, as VmHWM does not. */
  get mb(): number {
    return this.#peakMb;
  }

  /**
   * Reads the process's peak now; `reportedMb` is the runtime's own figure, used where /proc cannot be
   * read. Keeps the last peak when neither is known (the process is already gone).
   */
  read(pid: number | undefined, reportedMb?: number): number {
    const measured = readPeakRssMb(pid) ?? reportedMb;
    if (measured !== undefined && measured > this.#peakMb) {
      this.#peakMb = measured;
    }
    return this.#peakMb;
  }
}

/**
 * VmHWM (peak resident set) of a live process in MB, or undefined where /proc is absent or the process is
 * gone. Synchronous on purpose: procfs answers from kernel memory without blocking on I/O, and one read per
 * invocation costs tens of microseconds, less than a trip through the thread pool.
 */
export function readPeakRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) {
    return undefined;
  }
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch {
    return undefined;
  }
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  return kib === undefined ? undefined : Math.round(Number(kib) / KIB_PER_MB);
}
