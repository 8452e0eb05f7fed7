import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { API_KEY_HEADER, exampleOrder } from '../../contracts/index.ts';
import { startPublisherProcess, type PublisherProcess } from '../../harness/backends/embedded/startPublisherProcess.ts';
import { buildPublisher, PUBLISHER_SOURCE, publisherEntry, type BuiltPublisher } from '../../harness/build/buildPublisher.ts';
import { startFauxqsKit, type FauxqsKit } from '../fauxqs-additions/support/fauxqsKit.ts';

// The embedded backend runs the publisher from dist/publisher/server.mjs (harness/build/buildPublisher.ts),
// the container from its TypeScript source. These check that the bundle is the same service.
let workDir: string;
let kit: FauxqsKit;
let built: BuiltPublisher;
let publisher: PublisherProcess;
let queueUrl: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'publisher-bundle-'));
  kit = await startFauxqsKit();
  const topicArn = await kit.createTopic('bundled-orders');
  const queue = await kit.createQueue('bundled-orders-copy');
  await kit.subscribeQueue(topicArn, queue.arn, { RawMessageDelivery: 'true' });
  queueUrl = queue.url;
  built = await buildPublisher({ outFile: join(workDir, 'server.mjs'), force: true });
  publisher = await startPublisherProcess({
    entry: built.path,
    topicArn,
    apiKeys: ['bundle-key'],
    region: 'us-east-1',
    snsEndpoint: kit.fauxqs.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    logLevel: 'silent',
  });
}, 60_000);

afterAll(async () => {
  await publisher?.close();
  await kit?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('the bundled publisher', () => {
  it('is one file, and a second build with nothing changed keeps it', async () => {
    expect(built.reused).toBe(false);
    const again = await buildPublisher({ outFile: built.path });
    expect(again).toEqual({ path: built.path, bytes: built.bytes, reused: true });
  });

  it('is what a stack starts while its stamp matches the sources, and the TypeScript source once it does not', async () => {
    const copy = join(workDir, 'copy', 'server.mjs');
    await buildPublisher({ outFile: copy, force: true });
    const current = await publisherEntry(copy);
    const stampPath = `${copy}.stamp.json`;
    const stamp = JSON.parse(await readFile(stampPath, 'utf8')) as { inputs: Record<string, string> };
    const [someInput] = Object.keys(stamp.inputs).filter((file) => file.startsWith('services/publisher/'));
    await writeFile(stampPath, JSON.stringify({ ...stamp, inputs: { ...stamp.inputs, [someInput ?? '']: 'edited since' } }));

    expect(current).toBe(copy);
    expect(someInput).toBeDefined();
    expect(await publisherEntry(copy)).toBe(PUBLISHER_SOURCE);
    expect(await publisherEntry(join(workDir, 'never-built.mjs'))).toBe(PUBLISHER_SOURCE);
  });

  it('serves its docs page and the Swagger UI files it reads from beside its source and from node_modules', async () => {
    const page = await fetch(`${publisher.url}/docs`);
    const css = await fetch(`${publisher.url}/docs/swagger-ui.css`);
    const initializer = await fetch(`${publisher.url}/docs/swagger-initializer.js`);

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(initializer.status).toBe(200);
    expect(await initializer.text()).toContain('/openapi.json');
  });

  it('accepts an order with its key, publishes it to SNS, and refuses one without a key as the source does (RFC 9457 problem)', async () => {
    const accepted = await fetch(`${publisher.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [API_KEY_HEADER]: 'bundle-key' },
      body: JSON.stringify(exampleOrder),
    });
    const refused = await fetch(`${publisher.url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(exampleOrder) });

    expect(accepted.status).toBe(202);
    const { orderId } = (await accepted.json()) as { orderId: string };
    const { Messages = [] } = await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 2 }));
    expect(Messages.map((message) => (JSON.parse(message.Body ?? '{}') as { orderId?: string }).orderId)).toEqual([orderId]);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ status: 401, detail: 'The X-Api-Key header is missing.' });
  });
});
