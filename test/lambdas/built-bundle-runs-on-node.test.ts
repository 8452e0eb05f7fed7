import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startFauxqs } from 'fauxqs';
import { OutcomeSchema } from '../../contracts/index.ts';
import { buildLambdas } from '../../harness/build/buildLambdas.ts';
import { Delivery, lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { readZipEntries } from './unzip.ts';

const run = promisify(execFile);
let workDir: string;
let fauxqs: Awaited<ReturnType<typeof startFauxqs>>;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'built-bundle-'));
  fauxqs = await startFauxqs({ port: 0, logger: false });
});
afterAll(async () => {
  await fauxqs.stop();
  await rm(workDir, { recursive: true, force: true });
});

/** The order-processor bundle, built once for the tests of this file. */
let built: Promise<Buffer> | undefined;
function builtBundle(): Promise<Buffer> {
  built ??= (async () => {
    const [lambda] = await buildLambdas({ outDir: workDir, names: ['order-processor'] });
    const [bundle] = await readZipEntries(lambda?.zipPath ?? '');
    if (!bundle) throw new Error('the zip holds no bundle');
    return Buffer.from(bundle.data);
  })();
  return built;
}

describe('the built order-processor bundle', () => {
  it('takes Node built-ins as require gives them: no ES import of any but node:module, for the shim', async () => {
    // Prepare
    const source = (await builtBundle()).toString('utf8');

    // Act
    const imported = [...source.matchAll(/\bfrom\s*["']((?:node:)?[a-z_/]+)["']|\bimport\s*\(\s*["']((?:node:)?[a-z_/]+)["']\s*\)/g)].map((match) => match[1] ?? match[2]);

    // Assess: an ES import of node:http builds a facade that loads undici, 20-30 ms of every cold start.
    expect(new Set(imported)).toEqual(new Set(['node:module']));
    expect(source).toContain('process.getBuiltinModule("node:http")');
  });


  it('exports a handler that runs outside Jest, on the pinned Node, and reports outcomes over SQS', async () => {
    // Prepare
    const bundlePath = join(workDir, 'index.mjs');
    await writeFile(bundlePath, await builtBundle());
    const { queueUrl } = fauxqs.createQueue('outcomes');
    const good = sqsRecordFactory(orderPlacedFactory(), { delivery: Delivery.envelope, correlationId: 'corr-bundle' });
    const bad = sqsRecordFactory('not json');
    const script = `
      const { handler } = await import(${JSON.stringify(pathToFileURL(bundlePath).href)});
      const response = await handler(JSON.parse(process.env.TEST_EVENT), JSON.parse(process.env.TEST_CONTEXT));
      process.stdout.write(JSON.stringify({ handlerType: typeof handler, response }));
    `;

    // Act
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_ENDPOINT_URL: fauxqs.address,
        AWS_LAMBDA_FUNCTION_NAME: 'fanout-order-processor',
        OUTCOMES_QUEUE_URL: queueUrl,
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        TEST_EVENT: JSON.stringify(sqsEventFactory([good, bad])),
        TEST_CONTEXT: JSON.stringify(lambdaContextFactory('fanout-order-processor')),
      },
    });

    // Assess
    expect(JSON.parse(stdout)).toEqual({ handlerType: 'function', response: { batchItemFailures: [{ itemIdentifier: bad.messageId }] } });
    const sqs = new SQSClient({ endpoint: fauxqs.address, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    const outcomes = Messages.map((message) => OutcomeSchema.parse(JSON.parse(message.Body ?? '')));
    expect(outcomes.map(({ messageId, result, functionName }) => ({ messageId, result, functionName })).sort((a, b) => a.result.localeCompare(b.result))).toEqual([
      { messageId: good.messageId, result: 'processed', functionName: 'fanout-order-processor' },
      { messageId: bad.messageId, result: 'rejected', functionName: 'fanout-order-processor' },
    ]);
    sqs.destroy();
  });
});
