import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in 1/100 s on every common architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Resident set size in kB from the text of `/proc/<pid>/status`; undefined when absent (a zombie, a kernel thread). */
export function parseVmRssKb(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) : undefined;
}

/** Process ids listed in `/proc/<pid>/task/<tid>/children` (space separated, possibly empty). */
export function parseChildPids(text: string): number[] {
  return text
    .split(/\s+/)
    .filter((token) => /^\d+$/.test(token))
    .map(Number);
}

/** User plus system CPU time in ms from the text of `/proc/<pid>/stat` (fields 14 and 15, after the command name). */
export function parseCpuMs(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND : undefined;
}

/** One reading of a process tree. */
export interface TreeRss {
  totalKb: number;
  /** RSS of the root process alone. */
  rootKb: number;
  /** Processes counted, the root included. */
  processes: number;
}

export interface WalkOptions {
  /**
   * Also read the `children` of every thread, not only the main thread's.
   * Node spawns child processes from its main thread, so the cheap walk
   * finds them; the full one (a file per thread, ten times the reads)
   * catches processes forked elsewhere.
   */
  allThreads?: boolean;
}

/** `rootPid` and its descendants, root first. */
export function descendantsOf(rootPid: number, options: WalkOptions = {}): number[] {
  const found: number[] = [];
  const seen = new Set<number>();
  const stack = [rootPid];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    if (seen.has(pid)) {
      continue;
    }
    seen.add(pid);
    found.push(pid);
    const threads = options.allThreads ? (readOrUndefined(`/proc/${pid}/task`, (path) => readdirSync(path), false) ?? []) : [String(pid)];
    for (const tid of threads) {
      stack.push(...(readOrUndefined(`/proc/${pid}/task/${tid}/children`, parseChildPids) ?? []));
    }
  }
  return found;
}

/** Sums VmRSS over `rootPid` and its descendants; processes that exit during the walk are skipped. */
export function readTreeRss(rootPid: number, options: WalkOptions = {}): TreeRss {
  const reading: TreeRss = { totalKb: 0, rootKb: 0, processes: 0 };
  for (const pid of descendantsOf(rootPid, options)) {
    const rssKb = readOrUndefined(`/proc/${pid}/status`, parseVmRssKb);
    if (rssKb === undefined) {
      continue;
    }
    reading.totalKb += rssKb;
    reading.processes += 1;
    if (pid === rootPid) {
      reading.rootKb = rssKb;
    }
  }
  return reading;
}

/** CPU time (user + system, ms) used so far by each live process of the tree. */
export function readTreeCpuMs(rootPid: number): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of descendantsOf(rootPid, { allThreads: true })) {
    const ms = readOrUndefined(`/proc/${pid}/stat`, parseCpuMs);
    if (ms !== undefined) {
      times.set(pid, ms);
    }
  }
  return times;
}

/** `parse` of the file's text (or, with `asText` false, of the path itself); undefined once the process is gone. */
function readOrUndefined<T>(path: string, parse: (input: string) => T, asText = true): T | undefined {
  try {
    return parse(asText ? readFileSync(path, 'utf8') : path);
  } catch {
    return undefined;
  }
}
