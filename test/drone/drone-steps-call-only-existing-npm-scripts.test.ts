import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { repoRoot } from '../../harness/topology/loadTopology.ts';
import { loadDronePipelines } from './support/loadDronePipelines.ts';

describe('.drone.yml commands', () => {
  it('run only npm scripts that package.json defines', async () => {
    // Prepare
    const { scripts } = z.object({ scripts: z.record(z.string(), z.string()) })
      .parse(JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')));
    const commands = (await loadDronePipelines()).flatMap((pipeline) => pipeline.steps.flatMap((step) => step.commands));

    // Act
    const called = commands.flatMap((command) => [...command.matchAll(/\bnpm run ([\w:.-]+)/g)].map((match) => match[1] ?? ''));
    const missing = called.filter((name) => !Object.hasOwn(scripts, name));

    // Assess
    expect(called).toEqual(expect.arrayContaining(['lint', 'typecheck', 'test:unit', 'features', 'build:lambdas']));
    expect(missing).toEqual([]);
  });

  it('run bash scripts of the repository that exist', async () => {
    const commands = (await loadDronePipelines()).flatMap((pipeline) => pipeline.steps.flatMap((step) => step.commands));
    const scripts = commands.flatMap((command) => [...command.matchAll(/\bbash ([\w./-]+\.sh)\b/g)].map((match) => match[1] ?? ''));

    expect(scripts).toContain('.ci/install-chromium.sh');
    await Promise.all(scripts.map((script) => expect(readFile(path.join(repoRoot, script))).resolves.toBeDefined()));
  });
});
