import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  exampleOrder,
  OrderMessageAttribute,
  OrderPlacedSchema,
  orderTotal,
} from '../../contracts/index.ts';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, TOPIC_ARN, type TestPublisher } from './support/testPublisher.ts';

describe('POST /orders with a valid order', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  it('publishes one OrderPlaced event with its attributes and answers 202', async () => {
    // Act
    const response = await postOrder(publisher.url, exampleOrder, { 'X-Correlation-Id': 'checkout-42' });

    // Assess: the answer
    expect(response.status).toBe(202);
    expect(response.headers.get('x-correlation-id')).toBe('checkout-42');
    const accepted = (await response.json()) as Record<string, unknown>;
    expect(accepted).toEqual({ orderId: expect.any(String), eventId: expect.any(String), correlationId: 'checkout-42', status: 'accepted' });

    // Assess: exactly what went to SNS
    const published = publisher.published();
    expect(published).toHaveLength(1);
    const input = published[0];
    expect(input?.TopicArn).toBe(TOPIC_ARN);
    const event = OrderPlacedSchema.parse(JSON.parse(input?.Message ?? ''));
    expect(event).toMatchObject({
      orderId: accepted.orderId,
      eventId: accepted.eventId,
      eventType: 'OrderPlaced',
      customer: exampleOrder.customer,
      currency: 'EUR',
      items: exampleOrder.items,
      total: orderTotal(exampleOrder.items),
    });
    expect(input?.MessageAttributes).toEqual({
      [OrderMessageAttribute.eventType]: { DataType: 'String', StringValue: 'OrderPlaced' },
      [OrderMessageAttribute.correlationId]: { DataType: 'String', StringValue: 'checkout-42' },
      [OrderMessageAttribute.orderTotal]: { DataType: 'Number', StringValue: '4748' },
      [OrderMessageAttribute.currency]: { DataType: 'String', StringValue: 'EUR' },
    });
  });

  it('passes an abort signal to the SDK so a slow publish can be cut off', async () => {
    await postOrder(publisher.url);

    // The stub's typings only know the command; the SDK's send(command, options) also gets the options.
    const args: readonly unknown[] = publisher.sns.calls().at(-1)?.args ?? [];
    expect(args[1]).toEqual({ abortSignal: expect.any(AbortSignal) });
  });
});
