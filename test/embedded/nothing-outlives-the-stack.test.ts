import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { StackFile } from '../../harness/cli/writeStackFile.ts';
import { repoRoot } from '../../harness/topology/loadTopology.ts';
import { waitFor } from '../lambda-service/helpers/waitFor.ts';
import { composeSettingsFromEnv } from '../../harness/backends/compose/composeSettings.ts';
import { buildLambdas } from '../../harness/build/buildLambdas.ts';
import { zipFixture } from '../lambda-service/helpers/zipFunction.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Every process below `pid` (children first found through /proc), whatever process group it is in. */
function descendants(pid: number): number[] {
  try {
    const direct = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return direct.flatMap((child) => [child, ...descendants(child)]);
  } catch {
    return [];
  }
}

const isAlive = (pid: number): boolean => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

interface Started {
  child: ChildProcess;
  output: () => string;
  stackFile: string;
  stack: StackFile;
  /** The stack's own process: npm's child when started through npm. */
  harnessPid: number;
}

const started: ChildProcess[] = [];

/** `npm start` (or the script itself), until it printed its endpoints. */
async function startStack(options: { viaNpm: boolean; stackFile?: string }): Promise<Started> {
  const stackFile = options.stackFile ?? path.join(mkdtempSync(path.join(tmpdir(), 'fanout-outlive-')), 'stack.json');
  const args = ['--stack-file', stackFile, '--quiet'];
  const child = options.viaNpm
    ? spawn(npm, ['start', '--', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['harness/cli/start.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(`the stack to come up:\n${output}`, () => (output.includes('Ctrl-C stops everything') ? true : undefined), { timeoutMs: 60_000, intervalMs: 50 });
  const stack = JSON.parse(readFileSync(stackFile, 'utf8')) as StackFile;
  return { child, output: () => output, stackFile, stack, harnessPid: stack.pid };
}

/** A function in the running stack that leaves a grandchild behind (and, with `spin`, never ends). */
async function leaveAGrandchild(stack: StackFile, spin: boolean): Promise<void> {
  const lambda = new LambdaClient({ endpoint: stack.endpoints.lambda, region: stack.region, ...(stack.credentials ? { credentials: stack.credentials } : {}) });
  try {
    await lambda.send(new CreateFunctionCommand({
      FunctionName: 'spinner',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Role: 'arn:aws:iam::000000000000:role/spinner',
      Timeout: 120,
      Code: { ZipFile: await zipFixture('spinner') },
    }));
    await lambda.send(new InvokeCommand({ FunctionName: 'spinner', InvocationType: 'Event', Payload: Buffer.from(JSON.stringify({ spin })) }));
  } finally {
    lambda.destroy();
  }
}

const sleepers = (pids: readonly number[]): number[] =>
  pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('sleep');
    } catch {
      return false;
    }
  });

/**
 * No process of the stack (the publisher, the watchdog, execution environments and what their functions
 * spawned) outlives it by more than a second or two, however it ends; a stack file left by a stack that
 * died is recognised as stale. npm passes SIGTERM to the shell running the script, which dies without
 * passing it on, and ignores SIGINT (npm/run-script signal forwarding): the script is `exec`ed, and
 * re-parenting stops it too.
 */
describe('the processes of npm start', () => {
  beforeAll(async () => {
    await buildLambdas();
  }, 60_000);

  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it.each([['SIGTERM'], ['SIGINT']] as const)('are all gone after %s to npm', async (signal) => {
    const { child, harnessPid } = await startStack({ viaNpm: true });
    const stackProcesses = [harnessPid, ...descendants(harnessPid)];
    // At least the harness, the publisher and the watchdog; execution environments start as the pollers need them.
    expect(stackProcesses.length).toBeGreaterThanOrEqual(3);

    child.kill(signal);

    await waitFor('every process of the stack to be gone', () => (stackProcesses.every((pid) => !isAlive(pid)) ? true : undefined), { timeoutMs: 15_000, intervalMs: 50 });
  }, 90_000);

  it('are all gone within two seconds of a SIGKILL of the stack, a busy-looping environment and its grandchild too; the stack file left is stale', async () => {
    // Prepare
    const { child, harnessPid, stackFile, stack } = await startStack({ viaNpm: false });
    await leaveAGrandchild(stack, true);
    const grandchild = await waitFor('the function to spawn its child', () => sleepers(descendants(harnessPid))[0], { timeoutMs: 20_000, intervalMs: 50 });
    const stackProcesses = descendants(harnessPid);

    // Act
    child.kill('SIGKILL');
    const killedAt = Date.now();

    // Assess
    await waitFor('every process of the stack to be gone', () => (stackProcesses.every((pid) => !isAlive(pid)) ? true : undefined), { timeoutMs: 5000, intervalMs: 20 });
    expect(Date.now() - killedAt).toBeLessThan(2000);
    expect(isAlive(grandchild)).toBe(false);
    expect(existsSync(stackFile)).toBe(true);
    expect(() => composeSettingsFromEnv({ FANOUT_STACK_FILE: stackFile })).toThrow(/is stale: the npm start that wrote it \(pid \d+\) is not running/);

    // The next start says so, and replaces it.
    const next = await startStack({ viaNpm: false, stackFile });
    expect(next.output()).toContain(`${stackFile} is stale`);
    expect(next.stack.pid).not.toBe(stack.pid);
  }, 120_000);

  it("takes a function's own child processes down with it on SIGTERM, and refuses a second stack on the same stack file", async () => {
    const { child, harnessPid, stack, stackFile } = await startStack({ viaNpm: false });
    await leaveAGrandchild(stack, false);
    const grandchild = await waitFor('the function to spawn its child', () => sleepers(descendants(harnessPid))[0], { timeoutMs: 20_000, intervalMs: 50 });
    const second = spawn(process.execPath, ['harness/cli/start.ts', '--stack-file', stackFile], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let secondOutput = '';
    second.stderr?.on('data', (chunk: Buffer) => (secondOutput += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => second.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(1);
    expect(secondOutput).toContain(`belongs to a stack that is running (pid ${harnessPid})`);
    const stackProcesses = descendants(harnessPid);

    child.kill('SIGTERM');

    await waitFor('every process of the stack to be gone', () => (stackProcesses.every((pid) => !isAlive(pid)) ? true : undefined), { timeoutMs: 15_000, intervalMs: 50 });
    expect(isAlive(grandchild)).toBe(false);
    expect(existsSync(stackFile)).toBe(false);
  }, 120_000);
});
