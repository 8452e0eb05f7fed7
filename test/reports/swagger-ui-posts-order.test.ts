import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { startLoopbackFauxqs, type LoopbackFauxqs } from '../../harness/embedded/startLoopbackFauxqs.ts';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import { startPublisher, type RunningPublisher } from '../../services/publisher/src/startPublisher.ts';
import { chromiumAvailable, chromiumMissing, launchChromium } from './fixtures/chromium.ts';

const region = 'us-east-1';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const API_KEY = 'swagger-ui-test-key';

if (!chromiumAvailable) console.warn(`skipping the Swagger UI browser test: ${chromiumMissing}`);
const itWithChromium = chromiumAvailable ? it : it.skip;

describe('the publisher documentation (Swagger UI) in a real browser', () => {
  let fauxqs: LoopbackFauxqs;
  let sns: SNSClient;
  let sqs: SQSClient;
  let publisher: RunningPublisher;
  let queueUrl: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!chromiumAvailable) return;
    // The publisher with a real SNS (fauxqs) behind it and one queue subscribed, to see the order arrive.
    fauxqs = await startLoopbackFauxqs({ region });
    sns = new SNSClient({ region, credentials, endpoint: fauxqs.url });
    sqs = createSqsClient({ region, credentials, endpoint: fauxqs.url });
    const { TopicArn = '' } = await sns.send(new CreateTopicCommand({ Name: 'order-events' }));
    ({ QueueUrl: queueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: 'swagger-subscriber' })));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: Attributes?.QueueArn, Attributes: { RawMessageDelivery: 'true' } }));
    publisher = await startPublisher({
      topicArn: TopicArn,
      apiKeys: [API_KEY],
      snsClientConfig: { region, credentials, endpoint: fauxqs.url },
      logger: pino({ level: 'silent' }),
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await publisher?.close();
    sns?.destroy();
    sqs?.destroy();
    await fauxqs?.close();
  });

  itWithChromium('shows every answer of POST /orders with an example of its own', async () => {
    if (!browser) throw new Error('Chromium did not start');
    const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
    await page.goto(`${publisher.url}/docs`);
    await page.locator('.opblock-post .opblock-summary', { hasText: '/orders' }).first().click();

    // The "Example Value" Swagger UI shows under each documented status code.
    const shown = async (code: string) => {
      const example = page.locator(`.opblock-post .responses-table:not(.live-responses-table) tr.response[data-code="${code}"] pre.example`).first();
      await example.waitFor({ timeout: 15_000 });
      return JSON.parse(await example.innerText()) as Record<string, unknown>;
    };
    const accepted = await shown('202');
    const problems = await Promise.all(['400', '401', '413', '415', '503'].map(async (code) => [code, await shown(code)] as const));

    expect(accepted.status).toBe('accepted');
    expect(accepted.orderId).not.toBe(accepted.eventId);
    for (const [code, problem] of problems) expect(problem.status).toBe(Number(code));
    expect(new Set(problems.map(([, problem]) => problem.detail)).size).toBe(problems.length);
    await page.close();
  }, 60_000);

  itWithChromium('authorizes with an API key, tries POST /orders with the example body, and gets 202', async () => {
    if (!browser) throw new Error('Chromium did not start');
    const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });

    // Act: what a developer does on /docs
    await page.goto(`${publisher.url}/docs`);
    await page.locator('button.authorize').first().click();
    await page.locator('.auth-container input').first().fill(API_KEY);
    await page.locator('.auth-container button.authorize').first().click();
    await page.locator('button.btn-done').first().click();
    await page.locator('.opblock-post .opblock-summary', { hasText: '/orders' }).first().click();
    await page.locator('.opblock-post button.try-out__btn').first().click();
    await page.locator('.opblock-post button.execute').first().click();

    // Assess: the live response in the page, then the published event
    const status = page.locator('.opblock-post .live-responses-table .response .response-col_status').first();
    await status.waitFor({ timeout: 15_000 });
    await expect(status.innerText()).resolves.toContain('202');
    const body = await page.locator('.opblock-post .live-responses-table .response-col_description pre').first().innerText();
    const accepted = JSON.parse(body) as { orderId: string; status: string };
    expect(accepted.status).toBe('accepted');
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 5, MaxNumberOfMessages: 1 }));
    expect(JSON.parse(Messages[0]?.Body ?? '{}')).toMatchObject({ orderId: accepted.orderId, eventType: 'OrderPlaced' });
    await page.close();
  }, 60_000);
});
