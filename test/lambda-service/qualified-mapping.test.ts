import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { startSqsTestKit, type SqsTestKit } from './helpers/sqsTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

// A mapping created for `name:$LATEST` reports that ARN (LocalStack's AWS-recorded parity snapshot
// `TestLambdaEventSourceMappings::test_function_name_variations`, partial_arn_latest_create_esm), and invokes
// the function by it: the handler's context.invokedFunctionArn is the ARN it was invoked by.
describe('an event source mapping of name:$LATEST', () => {
  let kit: SqsTestKit;

  beforeAll(async () => {
    kit = await startSqsTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('keeps the qualifier in its FunctionArn and in the invokedFunctionArn of the invocations', async () => {
    const queue = await kit.createQueue('qualified-mapping');
    await kit.deploy('arn-logger', 'arn-logger');

    const mapping = await kit.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'arn-logger:$LATEST', EventSourceArn: queue.arn }),
    );
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'hello' }));

    const arn = 'arn:aws:lambda:us-east-1:000000000000:function:arn-logger:$LATEST';
    expect(mapping.FunctionArn).toBe(arn);
    const logged = await waitFor('the invocation to log its ARN', () =>
      kit.service.logs('arn-logger').map((line) => /\tINVOKED (.*)$/.exec(line.message)?.[1]).find((value) => value !== undefined),
    );
    expect(logged).toBe(arn);
  });
});
