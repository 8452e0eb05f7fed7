import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from '../../harness/topology/loadTopology.ts';

// Speed stays out of npm test (noisy machines): this only checks that `npm run bench -- --quick` runs
// to the end and reports every figure, whatever the figures are.
describe('npm run bench -- --quick', () => {
  it('measures every figure but the suite, prints the table and writes its report', async () => {
    // Act
    const child = spawn('npm', ['run', 'bench', '--', '--quick'], { cwd: repoRoot, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const { promise, resolve } = Promise.withResolvers<number | null>();
    child.once('close', resolve);
    const exitCode = await promise;

    // Assess
    expect({ exitCode, tail: output.split('\n').slice(-30).join('\n') }).toMatchObject({ exitCode: 0 });
    const report = JSON.parse(await readFile(path.join(repoRoot, 'reports', 'bench-quick.json'), 'utf8')) as { mode: string; figures: { id: string; value?: number; failure?: string }[] };
    expect(report.mode).toBe('quick');
    const suite = report.figures.filter((figure) => figure.id.startsWith('features.'));
    expect(suite.map((figure) => figure.id)).toEqual([
      'features.coldWallMs',
      'features.warmWallMs',
      'features.coldParallelWallMs',
      'features.warmParallelWallMs',
      'features.baselineColdWallMs',
      'features.baselineWarmWallMs',
      'features.coldOverBaseline',
    ]);
    expect(suite.every((figure) => figure.failure === 'skipped: --quick')).toBe(true);
    const measured = report.figures.filter((figure) => !figure.id.startsWith('features.'));
    expect(measured.filter((figure) => figure.value === undefined)).toEqual([]);
    expect(output).toContain('npm run features (default: --parallel 2), warm (embedded)');
  }, 180_000);
});
