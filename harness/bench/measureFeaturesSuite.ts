import { spawn } from 'node:child_process';
import { repoRoot } from '../topology/loadTopology.ts';

export interface FeaturesSuiteResult {
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
 * `npm run features` on the embedded backend in a fresh process (cold:
 * Node start, module loading, stack start-up, every scenario), timed from
 * spawn to exit. A failing or missing suite is a result, not a bench error.
 */
export async function measureFeaturesSuite(options: { timeoutMs: number }): Promise<FeaturesSuiteResult> {
  const started = performance.now();
  const child = spawn('npm', ['run', 'features'], {
    cwd: repoRoot,
    env: { ...process.env, FANOUT_BACKEND: 'embedded', FORCE_COLOR: '0', NO_COLOR: '1' },
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
  return { wallMs, exitCode: code, signal, ...(failure ? { failure } : {}), tail };
}
