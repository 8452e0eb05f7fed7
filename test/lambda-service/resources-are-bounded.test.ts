import { mkdtempSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  TooManyRequestsException,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { MAX_LINE_CHARS } from '../../harness/lambda-service/logs/LineSplitter.ts';
import { ROLE, startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';
import { zipFiles, zipFixture } from './helpers/zipFunction.ts';

const MB = 1024 * 1024;

/** A small zip that unzips to `megabytes` MB (a file of zeros), beside the echo handler. */
async function inflatingZip(megabytes: number): Promise<Uint8Array> {
  return zipFiles([
    { name: 'index.mjs', content: 'export const handler = async () => ({ pid: process.pid });\n' },
    { name: 'padding.bin', content: Buffer.alloc(megabytes * MB) },
  ]);
}

/**
 * What the service holds stays bounded, with AWS's errors past a bound: code versions no environment
 * runs are removed, code storage has a cap (CodeStorageExceededException, the error Lambda answers past
 * its storage quota: https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#API_CreateFunction_Errors),
 * asynchronous invocations queue within bounds (TooManyRequestsException), log lines are cut at
 * CloudWatch Logs' 256 KB event limit, a validation answer names at most ten constraints, and a request
 * body that trickles in is cut off (408).
 */
describe('the resources of the Lambda service', () => {
  let kit: LambdaTestKit;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lambda-bounded-'));

  beforeAll(async () => {
    kit = await startLambdaTestKit({ dataDir, maxCodeStorageBytes: 200 * MB, requestTimeoutMs: 2000 });
  });

  afterAll(async () => {
    await kit.close();
  });

  const versionsOnDisk = (name: string): string[] => readdirSync(path.join(dataDir, name));

  it('keeps only the code an environment still runs: four code updates of a zip that unzips to 40 MB leave one version', async () => {
    await kit.lambda.send(new CreateFunctionCommand({ FunctionName: 'inflating', Runtime: 'nodejs24.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: await inflatingZip(40) } }));
    await kit.invoke('inflating');

    for (let update = 0; update < 4; update += 1) {
      await kit.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'inflating', ZipFile: await inflatingZip(40) }));
      expect((await kit.invoke('inflating')).functionError).toBeUndefined();
    }

    // One folder and its zip: the current code (the environments of older ones are gone).
    await waitFor('older code versions to be removed', () => versionsOnDisk('inflating').length === 2);
  }, 60_000);

  it('refuses code past the storage limit with CodeStorageExceededException, keeping nothing of it', async () => {
    const before = readdirSync(dataDir);

    const refused = kit.lambda.send(new CreateFunctionCommand({ FunctionName: 'too-big', Runtime: 'nodejs24.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: await inflatingZip(180) } }));

    await expect(refused).rejects.toMatchObject({ name: 'CodeStorageExceededException', $metadata: { httpStatusCode: 400 } });
    expect(readdirSync(dataDir).filter((entry) => !before.includes(entry)).flatMap((entry) => readdirSync(path.join(dataDir, entry)))).toEqual([]);
  }, 60_000);

  it('throttles asynchronous invocations once 128 MB of them wait', async () => {
    // Prepare: a function that can run nothing, so every event waits
    await kit.deploy('parked', 'echo-esm');
    await kit.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'parked', ReservedConcurrentExecutions: 0 }));
    const megabyte = Buffer.from(JSON.stringify({ padding: 'p'.repeat(MB - 20) }));
    const event = () => kit.lambda.send(new InvokeCommand({ FunctionName: 'parked', InvocationType: 'Event', Payload: megabyte }));

    // Act
    const accepted: number[] = [];
    let refused: unknown;
    for (let i = 0; i < 200 && refused === undefined; i += 1) {
      await event().then((output) => accepted.push(output.StatusCode ?? 0), (error: unknown) => (refused = error));
    }

    // Assess
    expect(accepted.length).toBe(Math.floor((128 * MB) / megabyte.byteLength));
    expect(new Set(accepted)).toEqual(new Set([202]));
    expect(refused).toBeInstanceOf(TooManyRequestsException);
    expect(refused).toMatchObject({ Reason: 'FunctionInvocationRateLimitExceeded', $metadata: { httpStatusCode: 429 } });
    await kit.lambda.send(new DeleteFunctionCommand({ FunctionName: 'parked' }));
  }, 60_000);

  it('cuts a log line longer than 256 KB into lines of at most 256 KB, and keeps at most 16 MB of log per function', async () => {
    await kit.deploy('long-liner', 'long-liner', { Timeout: 30, MemorySize: 512 });

    const one = await kit.invoke('long-liner', { chars: MB, lines: 1 });
    const many = await kit.invoke('long-liner', { chars: MB, lines: 24 });

    expect([one.functionError, many.functionError]).toEqual([undefined, undefined]);
    const lines = kit.service.logs('long-liner');
    expect(Math.max(...lines.map((line) => line.message.length))).toBeLessThanOrEqual(MAX_LINE_CHARS);
    expect(lines.reduce((sum, line) => sum + line.message.length, 0)).toBeLessThanOrEqual(16 * MB);
    expect(lines.at(-1)?.message).toMatch(/^REPORT/);
  }, 60_000);

  it('answers a body with thousands of bad members with a small ValidationException', async () => {
    const tags = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`${'k'.repeat(130)}${i}`, 'v']));

    const refused = kit.lambda.send(new CreateFunctionCommand({ FunctionName: 'tagged', Runtime: 'nodejs24.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: await zipFixture('echo-esm') }, Tags: tags }));

    await expect(refused).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/^6000 validation errors detected: .*; and 5990 more$/) });
    const error = (await refused.catch((caught: unknown) => caught)) as Error;
    expect(error.message.length).toBeLessThan(8 * 1024);
  });

  it('cuts off a request whose body trickles in (408), instead of holding the connection', async () => {
    const { port } = new URL(kit.service.url);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('POST /2015-03-31/functions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    const trickle = setInterval(() => socket.write(' '), 200);
    const began = Date.now();

    await closed;
    clearInterval(trickle);

    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - began).toBeLessThan(6000);
  }, 15_000);
});
