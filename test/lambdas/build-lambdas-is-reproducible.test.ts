import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadTopology, repoRoot } from '../../harness/topology/loadTopology.ts';
import { buildLambdas, type BuiltLambda } from '../../harness/build/buildLambdas.ts';
import { readZipEntries } from './unzip.ts';

let workDir: string;
let first: BuiltLambda[];
let second: BuiltLambda[];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'build-lambdas-'));
  [first, second] = await Promise.all([buildLambdas({ outDir: join(workDir, 'a') }), buildLambdas({ outDir: join(workDir, 'b') })]);
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('buildLambdas', () => {
  it('builds one zip per consumer of the topology, shared helpers excluded', async () => {
    const topology = await loadTopology();

    expect(first.map((lambda) => lambda.name)).toEqual(Object.keys(topology.consumers).sort());
    expect(first.map((lambda) => lambda.name)).not.toContain('shared');
  });

  it('produces byte-for-byte identical zips on every build', async () => {
    expect(second.map((lambda) => lambda.sha256)).toEqual(first.map((lambda) => lambda.sha256));
    for (const [index, lambda] of first.entries()) {
      expect((await readFile(lambda.zipPath)).equals(await readFile(second[index]?.zipPath ?? ''))).toBe(true);
    }
  });

  it('puts index.mjs alone in each zip, with a fixed timestamp and mode', async () => {
    for (const lambda of first) {
      const entries = await readZipEntries(lambda.zipPath);

      expect(entries.map(({ entry }) => entry.fileName)).toEqual(['index.mjs']);
      expect(entries[0]?.entry.getLastModDate().getFullYear()).toBe(1980);
      expect((entries[0]?.entry.externalFileAttributes ?? 0) >>> 16).toBe(0o100644);
      expect(entries[0]?.data.byteLength).toBe(lambda.bundleBytes);
    }
  });

  it('bakes no absolute path of the build machine into a bundle', async () => {
    for (const lambda of first) {
      const [bundle] = await readZipEntries(lambda.zipPath);
      const source = bundle?.data.toString('utf8') ?? '';

      expect(source).toContain('handler');
      expect(source).not.toContain(repoRoot);
      expect(source).not.toContain(tmpdir());
    }
  });
});
