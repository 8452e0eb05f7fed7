import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../topology/loadTopology.ts';

const run = promisify(execFile);

/**
 * The revision the bench times the suite of beside today's, in the same run: the first version, on which
 * the speed issue measured "npm run features, cold: 17.7 s" (the last commit before the issues were
 * filed). `npm run bench -- --baseline REV` picks another, e.g. the previous release.
 */
export const DEFAULT_BASELINE_REVISION = 'e18fe40';

/** A detached worktree of an older revision, sharing this checkout's node_modules; removed on dispose. */
export interface BaselineCheckout extends AsyncDisposable {
  /** The revision as asked for, and the commit it names (short). */
  revision: string;
  commit: string;
  dir: string;
}

/**
 * Checks `revision` out beside this one (git worktree, in a temporary directory) so the bench can run
 * its suite as it was. Fails with the reason (not a git checkout, a shallow clone without the commit).
 */
export async function checkoutBaseline(revision: string): Promise<BaselineCheckout> {
  let commit: string;
  try {
    commit = (await run('git', ['-C', repoRoot, 'rev-parse', '--short', '--verify', `${revision}^{commit}`])).stdout.trim();
  } catch (error) {
    throw new Error(`revision ${revision} is not in this clone (a shallow clone? fetch it, or pick another with --baseline REV)`, { cause: error });
  }
  const dir = await mkdtemp(join(tmpdir(), `fanout-baseline-${commit}-`));
  const remove = async (): Promise<void> => {
    await run('git', ['-C', repoRoot, 'worktree', 'remove', '--force', dir]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    await run('git', ['-C', repoRoot, 'worktree', 'prune']).catch(() => undefined);
  };
  try {
    // mkdtemp makes it 0700; the Lambda environments run as their own users (as root) and must reach the runtime in it.
    await chmod(dir, 0o755);
    await run('git', ['-C', repoRoot, 'worktree', 'add', '--detach', dir, commit]);
    // The same installed packages: the comparison is of the code, not of a second npm ci.
    await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  } catch (error) {
    await remove();
    throw new Error(`cannot check out ${revision}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
  }
  return { revision, commit, dir, [Symbol.asyncDispose]: remove };
}
