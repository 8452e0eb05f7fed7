import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/writeFileAtomically.ts';
import { pollFor } from '../waiting/pollUntil.ts';

/**
 * Set by `npm run features` for its workers: the file that says how its one build of the Lambda bundles
 * ended. The runner builds while cucumber-js loads the support code and starts the workers (esbuild is a
 * process of its own, so the two overlap), and the workers wait for that build instead of each checking
 * the bundles' stamps, or building them a second time, at the same moment.
 */
export const LAMBDA_BUILD_MARKER = 'FANOUT_LAMBDA_BUILD_MARKER';

interface BuildResult {
  ok: boolean;
  error?: string;
}

/** The runner's side: runs `build`, and writes the marker when it ends, either way. */
export function handOffBuild(build: () => Promise<unknown>, env: NodeJS.ProcessEnv = process.env): { done: Promise<void>; remove: () => Promise<void> } {
  const marker = join(tmpdir(), `fanout-lambda-build-${process.pid}-${randomUUID()}.json`);
  env[LAMBDA_BUILD_MARKER] = marker;
  // A worker never reads half a marker.
  const write = (result: BuildResult): Promise<void> => writeFileAtomically(marker, JSON.stringify(result));
  // Also when the process exits before `remove` (cucumber-js exits at once with --exit).
  const removeAtExit = (): void => rmSync(marker, { force: true });
  process.once('exit', removeAtExit);
  const done = build()
    .then(
      () => write({ ok: true }),
      (error: unknown) => write({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    )
    // A marker that cannot be written leaves the workers to time out with the marker's name; the run goes on.
    .catch((error: unknown) => {
      process.stderr.write(`could not write ${marker}: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  const remove = async (): Promise<void> => {
    process.removeListener('exit', removeAtExit);
    await rm(marker, { force: true });
  };
  return { done, remove };
}

/**
 * A worker's side: when the runner builds (`FANOUT_LAMBDA_BUILD_MARKER`), waits for its build and answers
 * true, or throws the build's error; false when nobody builds for this process (build yourself).
 */
export async function awaitHandedOffBuild(env: NodeJS.ProcessEnv = process.env, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<boolean> {
  const marker = env[LAMBDA_BUILD_MARKER];
  if (!marker) return false;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const result = await pollFor(async () => readFile(marker, 'utf8').then((text) => JSON.parse(text) as BuildResult, () => undefined), {
    timeoutMs,
    intervalMs: options.intervalMs ?? 20,
  });
  if (!result) throw new Error(`the Lambda bundles were not built within ${Math.round(timeoutMs / 1000)} s (the build of npm run features, ${marker})`);
  if (!result.ok) throw new Error(`bundling the Lambdas failed: ${result.error ?? 'no reason given'}`);
  return true;
}
