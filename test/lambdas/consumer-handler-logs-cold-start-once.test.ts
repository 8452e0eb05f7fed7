import './environment.ts';
import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@aws-lambda-powertools/logger';
import { createConsumerHandler } from '../../lambdas/shared/createConsumerHandler.ts';
import { captureLogLines } from './captureLogLines.ts';
import { lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { mockOutcomesQueue } from './outcomesQueue.ts';

const sqsMock = mockOutcomesQueue();
afterAll(() => {
  sqsMock.restore();
  delete process.env.AWS_LAMBDA_INITIALIZATION_TYPE;
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('a consumer handler in one execution environment', () => {
  it('logs "cold_start": true on the first invocation only, on every record line of it', async () => {
    // Prepare: Lambda sets AWS_LAMBDA_INITIALIZATION_TYPE=on-demand in a standard environment, and runs its
    // Init phase once per environment ("Lambda execution environment lifecycle", AWS Lambda Developer Guide);
    // Powertools reports that as cold_start on the first invocation only (Powertools Logger docs, "Capturing
    // Lambda context info").
    process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
    const lines = captureLogLines();
    const handler = createConsumerHandler({
      consumer: 'test-consumer',
      logger: new Logger({ serviceName: 'test-consumer', logLevel: 'INFO' }),
      process: (event, { logger }) => {
        logger.info('handling', { orderId: event.orderId });
        return 'ok';
      },
    });
    const batch = () => sqsEventFactory([sqsRecordFactory(orderPlacedFactory()), sqsRecordFactory(orderPlacedFactory()), sqsRecordFactory('not json')]);
    const cold = lambdaContextFactory();
    const warm = lambdaContextFactory();

    // Act: the first invocation of the environment, then a warm one
    await handler(batch(), cold);
    await handler(batch(), warm);

    // Assess
    const coldStartOf = (requestId: string) => lines.filter((line) => line.function_request_id === requestId).map((line) => line.cold_start);
    expect(coldStartOf(cold.awsRequestId)).toEqual([true, true, true, true, true]);
    expect(coldStartOf(warm.awsRequestId)).toEqual([false, false, false, false, false]);
  });
});
