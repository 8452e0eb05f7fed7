import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListFunctionsCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { exampleOrder } from '../../contracts/index.ts';
import { repoRoot } from '../../harness/topology/loadTopology.ts';
import { waitFor } from '../lambda-service/helpers/waitFor.ts';
import type { StackFile } from '../../harness/cli/writeStackFile.ts';
import { buildLambdas } from '../../harness/build/buildLambdas.ts';

// Its own stack file, so a developer's running `npm start` keeps its .fanout/stack.json.
const stackFile = path.join(mkdtempSync(path.join(tmpdir(), 'fanout-start-')), 'stack.json');

function childPids(pid: number): number[] {
  try {
    const direct = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return direct.flatMap((child) => [child, ...childPids(child)]);
  } catch {
    return [];
  }
}

const isAlive = (pid: number): boolean => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

describe('npm start', () => {
  let child: ChildProcess;
  let output = '';
  let stack: StackFile;

  beforeAll(async () => {
    await buildLambdas();
    child = spawn(process.execPath, ['harness/cli/start.ts', '--stack-file', stackFile], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    await waitFor('the stack to come up', () => (output.includes('Ctrl-C stops everything') ? true : undefined), { timeoutMs: 15_000, intervalMs: 50 });
    stack = JSON.parse(readFileSync(stackFile, 'utf8')) as StackFile;
  }, 30_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints progress, the API and Swagger UI URLs and the AWS endpoints', () => {
    expect(output).toContain('provisioning');
    expect(output).toContain(`${stack.apiUrl}/orders`);
    expect(output).toContain(stack.docsUrl);
    expect(output).toContain(stack.endpoints.lambda);
    expect(stack.endpoints.sqs).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the Lambda API on the endpoint written to .fanout/stack.json', async () => {
    const lambda = new LambdaClient({ endpoint: stack.endpoints.lambda, region: stack.region, ...(stack.credentials ? { credentials: stack.credentials } : {}) });
    const { Functions = [] } = await lambda.send(new ListFunctionsCommand({}));
    lambda.destroy();
    expect(Functions.map((f) => f.FunctionName)).toContain('fanout-order-processor');
  });

  it('streams the Lambda log lines of an order it accepts', async () => {
    const response = await fetch(`${stack.apiUrl}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': stack.apiKey ?? '' },
      body: JSON.stringify(exampleOrder),
    });
    expect(response.status).toBe(202);
    await waitFor('a REPORT line', () => (/\[fanout-order-processor\] REPORT RequestId/.test(output) ? true : undefined), { timeoutMs: 15_000, intervalMs: 50 });
  });

  it('stops everything on Ctrl-C and leaves no process behind', async () => {
    const descendants = childPids(child.pid ?? 0);
    expect(descendants.length).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await waitFor('the environments to exit', () => (descendants.every((pid) => !isAlive(pid)) ? true : undefined), { timeoutMs: 5_000, intervalMs: 50 });
    expect(existsSync(stackFile)).toBe(false);
  });
});
