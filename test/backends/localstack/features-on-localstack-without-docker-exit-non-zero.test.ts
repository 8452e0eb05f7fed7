import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getContainerRuntimeClient } from 'testcontainers';
import * as z from 'zod';
import { dockerUnavailableMessage } from '../../../harness/backends/localstack/assertDockerAvailable.ts';
import { repoRoot } from '../../../harness/topology/loadTopology.ts';

const cucumberBin = path.join(repoRoot, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
const cucumberConfig = path.join(repoRoot, 'cucumber.json');

// With Docker this would bring a real stack up; without the Cucumber setup there is nothing to run.
const dockerReachable = await Promise.race([
  getContainerRuntimeClient().then(() => true, () => false),
  new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000).unref()),
]);
const skipReason = dockerReachable
  ? 'a Docker engine is reachable here, so the features would really start LocalStack'
  : !existsSync(cucumberConfig) || !existsSync(cucumberBin) ? 'cucumber.json or @cucumber/cucumber is missing' : undefined;
if (skipReason) console.warn(`skipped "features on localstack without Docker": ${skipReason}`);
const withoutDocker = skipReason ? it.skip : it;

describe('cucumber-js with FANOUT_BACKEND=localstack on a machine without Docker', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fanout-cucumber-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  withoutDocker('exits non-zero and prints the one line naming the missing Docker engine', async () => {
    // Prepare: the project's profile, with a console summary instead of report files (the reports are the developer's).
    const { default: profile } = z.object({ default: z.record(z.string(), z.unknown()) })
      .parse(JSON.parse(await readFile(cucumberConfig, 'utf8')));
    const config = path.join(dir, 'cucumber.json');
    await writeFile(config, JSON.stringify({ default: { ...profile, format: ['summary'] } }));
    const env = { ...process.env, FANOUT_BACKEND: 'localstack' };

    // Act (cucumber-js joins --config to the working directory even when it is absolute)
    const child = spawn(process.execPath, [cucumberBin, '--config', path.relative(repoRoot, config)], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const [exitCode] = await once(child, 'exit') as [number | null];

    // Assess
    expect(exitCode).not.toBe(0);
    expect(output).toContain(dockerUnavailableMessage(env));
  }, 30_000);
});
