import './environment.ts';
import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@aws-lambda-powertools/logger';
import { createConsumerHandler } from '../../lambdas/shared/createConsumerHandler.ts';
import { Delivery, lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { mockOutcomesQueue } from './outcomesQueue.ts';
import { captureLogLines } from './captureLogLines.ts';

const sqsMock = mockOutcomesQueue();
afterAll(() => {
  sqsMock.restore();
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('a consumer handler', () => {
  it('logs each record with its own correlation id, and none after the record', async () => {
    // Prepare
    const lines = captureLogLines();
    const logger = new Logger({ serviceName: 'test-consumer', logLevel: 'INFO' });
    const handler = createConsumerHandler({
      consumer: 'test-consumer',
      logger,
      process: (event, { logger: recordLogger }) => {
        recordLogger.info('handling', { orderId: event.orderId });
        return 'ok';
      },
    });
    const records = [
      sqsRecordFactory(orderPlacedFactory(), { delivery: Delivery.envelope, correlationId: 'corr-a' }),
      sqsRecordFactory('not json', { correlationId: 'corr-b' }),
      sqsRecordFactory(orderPlacedFactory(), { correlationId: null }),
    ];

    // Act
    await handler(sqsEventFactory(records), lambdaContextFactory());
    logger.info('after the batch');

    // Assess
    const byMessage = (message: string) => lines.filter((line) => line.message === message).map((line) => line.correlationId);
    expect(byMessage('handling')).toEqual(['corr-a', undefined]);
    expect(byMessage('record processed')).toEqual(['corr-a', undefined]);
    expect(byMessage('record rejected')).toEqual(['corr-b']);
    expect(lines.every((line) => line.service === 'test-consumer')).toBe(true);
    expect(lines.find((line) => line.message === 'after the batch')).not.toHaveProperty('correlationId');
  });
});
