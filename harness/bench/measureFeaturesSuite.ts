import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../topology/loadTopology.ts';

export interface FeaturesSuiteOptions {
  timeoutMs: number;
  /**
   * Delete `dist/lambdas`, Node's compile cache and the last run's scenario durations first (not timed), so
   * the run bundles every Lambda, compiles every module and orders the scenarios as a fresh checkout does.
   */
  cold: boolean;
  /** Cucumber workers (`--parallel N`), each with its own stack; 0 runs serially (`--parallel 0`). */
  parallel: number;
  /** The checkout whose suite runs; default this one. */
  cwd?: string;
}

export interface FeaturesSuiteResult {
  cold: boolean;
  parallel: number;
  wallMs: number;
  exitCode: number | null;
  signal: string | null;
  /** Why it counts as failed: a non-zero exit, a signal, the timeout. */
  failure?: string;
  /** The last lines of its output, for the report. */
  tail: string[];
}

const TAIL_LINES = 15;

/**
 * `npm run features` on the embedded backend in a fresh process (Node
 * start, module loading, the Lambda bundles, stack start-up, every
 * scenario), timed from spawn to exit. A failing or missing suite is a
 * result, not a bench error.
 */
export async function measureFeaturesSuite(options: FeaturesSuiteOptions): Promise<FeaturesSuiteResult> {
  const cwd = options.cwd ?? repoRoot;
  if (options.cold) {
    await rm(join(cwd, 'dist', 'lambdas'), { recursive: true, force: true });
    await rm(join(cwd, 'node_modules', '.cache', 'node-compile-cache'), { recursive: true, force: true });
    await rm(join(cwd, 'node_modules', '.cache', 'fanout'), { recursive: true, force: true });
  }
  // Always explicit: the default number of workers differs between revisions (serial before, one per core now).
  const args = ['run', 'features', '--', '--parallel', String(options.parallel)];
  const started = performance.now();
  const child = spawn('npm', args, {
    cwd,
    env: { ...process.env, FANOUT_BACKEND: 'embedded', FANOUT_DEPLOY: 'sdk', FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    // The whole group: npm, the shell and the suite's own children.
    if (child.pid !== undefined) {
      process.kill(-child.pid, 'SIGKILL');
    }
  }, options.timeoutMs);
  const { promise, resolve } = Promise.withResolvers<{ code: number | null; signal: string | null; error?: Error }>();
  child.once('error', (error) => resolve({ code: null, signal: null, error }));
  child.once('close', (code, signal) => resolve({ code, signal }));
  const { code, signal, error } = await promise;
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const tail = output.trimEnd().split('\n').slice(-TAIL_LINES);
  let failure: string | undefined;
  if (error) {
    failure = `could not start npm: ${error.message}`;
  } else if (timedOut) {
    failure = `timed out after ${Math.round(options.timeoutMs / 1000)} s`;
  } else if (code !== 0) {
    const last = tail.filter((line) => line.trim() !== '' && !line.startsWith('npm ')).at(-1)?.trim() ?? '';
    failure = `exit ${code ?? signal}${last ? `: ${last.slice(0, 80)}` : ''}`;
  }
  return { cold: options.cold, parallel: options.parallel, wallMs, exitCode: code, signal, ...(failure ? { failure } : {}), tail };
}
