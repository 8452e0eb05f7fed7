import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { NotFoundException, PublishBatchCommand } from '@aws-sdk/client-sns';
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
    // As the SDK throws it: SNS answered 404 (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html#API_Publish_Errors).
    publisher.sns.on(PublishBatchCommand).rejects(new NotFoundException({ message: 'Topic does not exist', $metadata: { httpStatusCode: 404 } }));

    const response = await postOrder(publisher.url);

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 503, title: 'Order not accepted', type: 'tag:order-fanout,2025:problems/publish-unavailable' });
    expect(problem).not.toHaveProperty('orderId');
    expect(JSON.stringify(problem)).not.toContain('Topic does not exist');
    expect(publisher.logs).toContainEqual(expect.objectContaining({ msg: 'order not published', timedOut: false }));
  });

  it('answers 503 "not accepted" when SNS fails the order\'s entry of the PublishBatch', async () => {
    // A failed entry (https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html, `Failed`): not published.
    publisher.sns.on(PublishBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false, Message: 'try again' }] });

    const response = await postOrder(publisher.url);

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 503, title: 'Order not accepted', type: 'tag:order-fanout,2025:problems/publish-unavailable' });
    expect(publisher.logs).toContainEqual(expect.objectContaining({ msg: 'order not published', outcomeUnknown: false }));
  });

  it('answers 503 saying the outcome is unknown when SNS does not answer in time, without waiting for it', async () => {
    publisher.sns.on(PublishBatchCommand).callsFake(() => new Promise(() => {}));
    const started = performance.now();

    const response = await postOrder(publisher.url);

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({
      status: 503,
      type: 'tag:order-fanout,2025:problems/publish-outcome-unknown',
      title: 'Order outcome unknown',
      detail: expect.stringContaining('may or may not have been published'),
      orderId: expect.any(String),
      eventId: expect.any(String),
    });
    expect(performance.now() - started).toBeLessThan(4000);
    expect(publisher.logs).toContainEqual(expect.objectContaining({ msg: 'order not published', timedOut: true, outcomeUnknown: true }));
  });

  it('answers 503 saying the outcome is unknown when the connection breaks after the publish was sent', async () => {
    publisher.sns.on(PublishBatchCommand).rejects(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

    const response = await postOrder(publisher.url);

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ type: 'tag:order-fanout,2025:problems/publish-outcome-unknown', orderId: expect.any(String) });
  });

  it('answers 503 "not accepted" when SNS cannot be reached at all', async () => {
    publisher.sns.on(PublishBatchCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));

    const response = await postOrder(publisher.url);

    expect(await response.json()).toMatchObject({ status: 503, title: 'Order not accepted' });
  });
});
