import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EmbeddedBackend } from '../../harness/backends/embedded/EmbeddedBackend.ts';
import type { Stack } from '../../harness/backends/types.ts';

const found = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' });
const aws = found.status === 0 ? found.stdout.trim() : undefined;
if (!aws) console.warn('skipped AWS CLI checks: no `aws` command on PATH (install the AWS CLI to run them)');
const maybe = aws ? it : it.skip;

/**
 * The AWS CLI, pointed at the embedded stack with --endpoint-url, as the README shows. Asynchronous: the
 * stack answers from this process's event loop.
 */
function cli(stack: Stack, endpoint: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  // The stack's credentials: its endpoints check the CLI's SigV4 signatures against them.
  const { accessKeyId = '', secretAccessKey = '' } = stack.info.credentials ?? {};
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_MAX_ATTEMPTS: '1' };
  const { promise, resolve } = Promise.withResolvers<{ status: number; stdout: string; stderr: string }>();
  execFile(aws as string, ['--endpoint-url', endpoint, '--output', 'json', ...args], { env, timeout: 20_000 }, (error, stdout, stderr) => {
    resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
  });
  return promise;
}

describe('the AWS CLI against the embedded stack', () => {
  let stack: Stack;

  beforeAll(async () => {
    if (!aws) return;
    stack = await new EmbeddedBackend().start();
  }, 30_000);

  afterAll(async () => {
    await stack?.close();
  });

  maybe('lists the provisioned functions and their SQS mappings', async () => {
    const functions = await cli(stack, stack.info.endpoints.lambda ?? '', 'lambda', 'list-functions');
    expect(functions.stderr).toBe('');
    expect(JSON.parse(functions.stdout).Functions.map((f: { FunctionName: string }) => f.FunctionName)).toContain('fanout-order-processor');
    const mappings = await cli(stack, stack.info.endpoints.lambda ?? '', 'lambda', 'list-event-source-mappings', '--function-name', 'fanout-order-processor');
    expect(JSON.parse(mappings.stdout).EventSourceMappings[0]).toMatchObject({ State: 'Enabled', FunctionResponseTypes: ['ReportBatchItemFailures'] });
  });

  maybe('gets an AWS-shaped error for a function that does not exist', async () => {
    const missing = await cli(stack, stack.info.endpoints.lambda ?? '', 'lambda', 'get-function', '--function-name', 'no-such-function');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('ResourceNotFoundException');
    expect(missing.stderr).toContain('Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function');
  });

  maybe('invokes a consumer with an empty batch', async () => {
    // fileb:// reads the payload as bytes in AWS CLI v1 and v2 alike.
    const dir = mkdtempSync(path.join(tmpdir(), 'aws-cli-'));
    writeFileSync(path.join(dir, 'event.json'), '{"Records":[]}');
    const invoked = await cli(stack, stack.info.endpoints.lambda ?? '', 'lambda', 'invoke', '--function-name', 'fanout-user-notification',
      '--payload', `fileb://${path.join(dir, 'event.json')}`, path.join(dir, 'response.json'));
    expect(invoked).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(invoked.stdout)).toMatchObject({ StatusCode: 200 });
    expect(JSON.parse(readFileSync(path.join(dir, 'response.json'), 'utf8'))).toEqual({ batchItemFailures: [] });
  });
});
