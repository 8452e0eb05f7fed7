import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { PublishCommand } from '@aws-sdk/client-sns';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

describe('when SNS does not take the event', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher({ publishTimeoutMs: 100 });
  });
  beforeEach(() => {
    publisher.sns.reset();
  });
  afterAll(() => publisher.close());

  it('answers 503 with Retry-After when SNS rejects the publish', async () => {
    publisher.sns.on(PublishCommand).rejects(Object.assign(new Error('Topic does not exist'), { name: 'NotFoundException' }));

    const response = await postOrder(publisher.url);

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 503, title: 'Order not accepted' });
    expect(JSON.stringify(problem)).not.toContain('Topic does not exist');
    expect(publisher.logs).toContainEqual(expect.objectContaining({ msg: 'order not published', timedOut: false }));
  });

  it('answers 503 with Retry-After when SNS does not answer in time, without waiting for it', async () => {
    publisher.sns.on(PublishCommand).callsFake(() => new Promise(() => {}));
    const started = performance.now();

    const response = await postOrder(publisher.url);

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ status: 503, detail: expect.stringContaining('in time') });
    expect(performance.now() - started).toBeLessThan(4000);
    expect(publisher.logs).toContainEqual(expect.objectContaining({ msg: 'order not published', timedOut: true }));
  });
});
