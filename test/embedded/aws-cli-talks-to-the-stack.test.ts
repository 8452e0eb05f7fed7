import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EmbeddedBackend } from '../../harness/backends/embedded/EmbeddedBackend.ts';
import type { Stack } from '../../harness/backends/types.ts';
import { awsCli, awsCliPath } from '../support/awsCli.ts';

const aws = awsCliPath;
if (!aws) console.warn('skipped AWS CLI checks: no `aws` command on PATH (install the AWS CLI to run them)');
const maybe = aws ? it : it.skip;


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
    const functions = await awsCli({ endpoint: stack.info.endpoints.lambda ?? '', credentials: stack.info.credentials }, 'lambda', 'list-functions');
    expect(functions.stderr).toBe('');
    expect(JSON.parse(functions.stdout).Functions.map((f: { FunctionName: string }) => f.FunctionName)).toContain('fanout-order-processor');
    const mappings = await awsCli({ endpoint: stack.info.endpoints.lambda ?? '', credentials: stack.info.credentials }, 'lambda', 'list-event-source-mappings', '--function-name', 'fanout-order-processor');
    expect(JSON.parse(mappings.stdout).EventSourceMappings[0]).toMatchObject({ State: 'Enabled', FunctionResponseTypes: ['ReportBatchItemFailures'] });
  });

  maybe('gets an AWS-shaped error for a function that does not exist', async () => {
    const missing = await awsCli({ endpoint: stack.info.endpoints.lambda ?? '', credentials: stack.info.credentials }, 'lambda', 'get-function', '--function-name', 'no-such-function');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('ResourceNotFoundException');
    expect(missing.stderr).toContain('Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function');
  });

  maybe('invokes a consumer with an empty batch', async () => {
    // fileb:// reads the payload as bytes in AWS CLI v1 and v2 alike.
    const dir = mkdtempSync(path.join(tmpdir(), 'aws-cli-'));
    writeFileSync(path.join(dir, 'event.json'), '{"Records":[]}');
    const invoked = await awsCli({ endpoint: stack.info.endpoints.lambda ?? '', credentials: stack.info.credentials }, 'lambda', 'invoke', '--function-name', 'fanout-user-notification',
      '--payload', `fileb://${path.join(dir, 'event.json')}`, path.join(dir, 'response.json'));
    expect(invoked).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(invoked.stdout)).toMatchObject({ StatusCode: 200 });
    expect(JSON.parse(readFileSync(path.join(dir, 'response.json'), 'utf8'))).toEqual({ batchItemFailures: [] });
  });
});
