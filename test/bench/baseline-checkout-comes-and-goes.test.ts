import { execFile } from 'node:child_process';
import { access, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { checkoutBaseline } from '../../harness/bench/baselineCheckout.ts';
import { repoRoot } from '../../harness/topology/loadTopology.ts';

const run = promisify(execFile);
const worktrees = async (): Promise<string> => (await run('git', ['-C', repoRoot, 'worktree', 'list', '--porcelain'])).stdout;

describe('the bench\'s baseline checkout', () => {
  it('checks a revision out beside this one with the same node_modules, and removes it on dispose', async () => {
    // Prepare
    const head = (await run('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'])).stdout.trim();
    let dir: string;

    // Act
    {
      await using checkout = await checkoutBaseline('HEAD');
      dir = checkout.dir;

      // Assess
      expect(checkout.commit).toBe(head);
      await access(join(dir, 'package.json'));
      // Readable by the Lambda environments' own users: its runtime bootstrap is in it.
      expect((await stat(dir)).mode & 0o777).toBe(0o755);
      expect(await readlink(join(dir, 'node_modules'))).toBe(join(repoRoot, 'node_modules'));
      expect(await worktrees()).toContain(dir);
    }
    await expect(access(dir)).rejects.toThrow();
    expect(await worktrees()).not.toContain(dir);
  });

  it('says which revision is missing and what to do', async () => {
    await expect(checkoutBaseline('no-such-revision-0123')).rejects.toThrow(
      'revision no-such-revision-0123 is not in this clone (a shallow clone? fetch it, or pick another with --baseline REV)',
    );
  });
});
