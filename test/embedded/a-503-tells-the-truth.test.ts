import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exampleOrder } from '../../contracts/index.ts';
import { startPublisherProcess, type PublisherProcess } from '../../harness/backends/embedded/startPublisherProcess.ts';
import { PUBLISHER_SOURCE } from '../../harness/build/buildPublisher.ts';
import { startFauxqsKit, type FauxqsKit } from '../fauxqs-additions/support/fauxqsKit.ts';

const ORDERS = 60;
const IN_FLIGHT = 30;
const OUTCOME_UNKNOWN = 'tag:order-fanout,2025:problems/publish-outcome-unknown';

/** In front of SNS: forwards each request at once, but holds its answer back for `delayMs()` (SNS under load). */
async function startSlowSns(target: string, delayMs: () => number): Promise<{ url: string; server: Server }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forwarded = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(Buffer.concat(chunks));
      }, delayMs()));
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

interface Answer {
  key: string;
  status: number;
  body: { type?: string; orderId?: string; eventId?: string };
}

/**
 * A 503 tells the truth, and a retry with the same Idempotency-Key is safe end to end: with SNS answering
 * slower than the publisher's 3 s deadline for some publishes, every order whose event reached the topic
 * was announced to its client (202, or 503 "outcome unknown" with its ids: no ghost that a "not accepted"
 * answer denied), and the retries of the unknown ones publish the same event, so every order has one eventId.
 */
describe('the embedded publisher process, with SNS answering past its deadline', () => {
  let kit: FauxqsKit;
  let slowSns: { url: string; server: Server };
  let publisher: PublisherProcess;
  let queueUrl: string;
  let slow = true;

  beforeAll(async () => {
    kit = await startFauxqsKit();
    const topicArn = await kit.createTopic('truthful-orders');
    const queue = await kit.createQueue('truthful-orders-copy');
    await kit.subscribeQueue(topicArn, queue.arn, { RawMessageDelivery: 'true' });
    queueUrl = queue.url;
    // Every third publish is answered after 3.5 s (past the 3 s deadline) while slow; the others at once.
    let publishes = 0;
    slowSns = await startSlowSns(kit.fauxqs.url, () => (slow && (publishes += 1) % 3 === 0 ? 3500 : 0));
    publisher = await startPublisherProcess({
      entry: PUBLISHER_SOURCE,
      topicArn,
      apiKeys: [],
      region: 'us-east-1',
      snsEndpoint: slowSns.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      logLevel: 'silent',
    });
  }, 30_000);

  afterAll(async () => {
    await publisher?.close();
    slowSns?.server.closeAllConnections();
    slowSns?.server.close();
    await kit?.close();
  });

  async function place(key: string): Promise<Answer> {
    const response = await fetch(`${publisher.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `"${key}"` },
      body: JSON.stringify(exampleOrder),
    });
    return { key, status: response.status, body: (await response.json()) as Answer['body'] };
  }

  async function burst(keys: readonly string[]): Promise<Answer[]> {
    const answers: Answer[] = [];
    const queue = [...keys];
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) answers.push(await place(key));
    }));
    return answers;
  }

  /** Every event in the queue, until it has stayed empty for a second. */
  async function drain(): Promise<{ orderId: string; eventId: string }[]> {
    const events: { orderId: string; eventId: string }[] = [];
    for (let empty = 0; empty < 2;) {
      const messages = await kit.receive(queueUrl, { waitSeconds: 1 });
      empty = messages.length === 0 ? empty + 1 : 0;
      for (const message of messages) events.push(JSON.parse(message.Body ?? '{}') as { orderId: string; eventId: string });
    }
    return events;
  }

  it('announces every published order to its client, and retries with the key publish the same event', async () => {
    // Act: a burst while SNS is slow, then the retries of whatever did not get a 202, once it is fast again
    const keys = Array.from({ length: ORDERS }, (_, i) => `burst-${i}`);
    const first = await burst(keys);
    slow = false;
    const retried = await burst(first.filter((answer) => answer.status !== 202).map((answer) => answer.key));
    const events = await drain();

    // Assess
    const unknown = first.filter((answer) => answer.status === 503);
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((answer) => answer.body.type === OUTCOME_UNKNOWN && answer.body.orderId)).toBe(true);
    expect(first.filter((answer) => answer.status !== 202 && answer.status !== 503)).toEqual([]);
    const announced = new Map([...first, ...retried].filter((answer) => answer.body.orderId).map((answer) => [answer.body.orderId, answer.body.eventId]));
    const ghosts = events.filter((event) => !announced.has(event.orderId));
    expect(ghosts).toEqual([]);
    expect(retried.every((answer) => answer.status === 202)).toBe(true);
    for (const answer of retried) {
      expect(answer.body).toMatchObject({ orderId: first.find((earlier) => earlier.key === answer.key)?.body.orderId });
    }
    const eventIdsPerOrder = new Map<string, Set<string>>();
    for (const event of events) eventIdsPerOrder.set(event.orderId, (eventIdsPerOrder.get(event.orderId) ?? new Set()).add(event.eventId));
    expect(eventIdsPerOrder.size).toBe(ORDERS);
    expect([...eventIdsPerOrder.values()].every((ids) => ids.size === 1)).toBe(true);
    expect([...eventIdsPerOrder].every(([orderId, ids]) => ids.has(announced.get(orderId) ?? ''))).toBe(true);
  }, 60_000);

  it('runs in a process of its own, which is gone once closed', async () => {
    const own = await startPublisherProcess({
      entry: PUBLISHER_SOURCE,
      topicArn: 'arn:aws:sns:us-east-1:000000000000:truthful-orders',
      apiKeys: [],
      region: 'us-east-1',
      snsEndpoint: slowSns.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    expect(own.pid).not.toBe(process.pid);
    expect((await fetch(`${own.url}/health`)).status).toBe(200);

    await own.close();

    expect(() => process.kill(own.pid, 0)).toThrow();
  }, 30_000);
});
