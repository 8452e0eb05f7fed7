import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateEventSourceMappingCommand,
  UpdateEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import { startSqsTestKit, type Queue, type SqsTestKit } from './helpers/sqsTestKit.ts';

/**
 * CreateEventSourceMapping's errors as AWS answers them, in the order AWS checks: LocalStack's parity snapshots
 * recorded on AWS, tests/aws/services/lambda_/test_lambda_api.snapshot.json (`TestLambdaEventSourceMappings::
 * test_event_source_mapping_exceptions`, `::test_function_name_variations`) and tests/aws/services/lambda_/
 * event_source_mapping/test_lambda_integration_sqs.snapshot.json (`test_duplicate_event_source_mappings`,
 * `test_esm_with_not_existing_sqs_queue`).
 */
describe('CreateEventSourceMapping errors, as AWS words them', () => {
  let kit: SqsTestKit;
  let queue: Queue;

  beforeAll(async () => {
    kit = await startSqsTestKit();
    queue = await kit.createQueue('mapping-errors');
    await kit.deploy('mapped', 'echo-esm');
  });

  afterAll(async () => {
    await kit.close();
  });

  const create = (input: Partial<CreateEventSourceMappingCommandInput>) =>
    kit.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'mapped', EventSourceArn: queue.arn, ...input }));

  it('answers a function that does not exist with 400 InvalidParameterValueException "Function does not exist"', async () => {
    await expect(create({ FunctionName: 'doesnotexist' })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Function does not exist',
      Type: 'User',
      $metadata: { httpStatusCode: 400 },
    });

    // On the wire the message member is spelled `message`, as on AWS.
    const response = await fetch(`${kit.service.url}/2015-03-31/event-source-mappings/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ FunctionName: 'doesnotexist', EventSourceArn: queue.arn }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
    expect(await response.json()).toEqual({ Type: 'User', message: 'Function does not exist' });
  });

  it('answers a mapping without EventSourceArn with "Unrecognized event source." before looking at the function', async () => {
    await expect(
      kit.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'doesnotexist' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: 'Unrecognized event source.', $metadata: { httpStatusCode: 400 } });
  });

  it('refuses an OnSuccess destination before looking at the function', async () => {
    await expect(
      create({ FunctionName: 'doesnotexist', DestinationConfig: { OnSuccess: { Destination: queue.dlqArn } } }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Unsupported DestinationConfig parameter for given event source mapping type.',
    });
  });

  it('answers a queue that does not exist in the words of SQS', async () => {
    await expect(create({ EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:not-existing-queue' })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message:
        'Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.',
    });
  });

  it('answers a second mapping of the same queue and function with 409, worded for SQS', async () => {
    const first = await create({ Enabled: false });

    await expect(create({})).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: `An event source mapping with SQS arn (" ${queue.arn} ") and function (" mapped ") already exists. Please update or delete the existing mapping with UUID ${first.UUID}`,
      Type: 'User',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('keeps the $LATEST qualifier of the function in the mapping, a mapping of its own', async () => {
    const other = await kit.createQueue('mapping-errors-latest');
    const unqualified = await create({ EventSourceArn: other.arn, Enabled: false });
    const qualified = await create({ EventSourceArn: other.arn, FunctionName: 'mapped:$LATEST', Enabled: false });

    expect(unqualified.FunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:mapped');
    expect(qualified.FunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:mapped:$LATEST');
  });

  it('answers a function name that breaks the pattern with 400 ValidationException naming it', async () => {
    await expect(create({ FunctionName: 'my-function!' })).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'my-function!' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers an update to a function that does not exist like a create', async () => {
    const other = await kit.createQueue('mapping-errors-update');
    const mapping = await create({ EventSourceArn: other.arn, Enabled: false });

    await expect(
      kit.lambda.send(new UpdateEventSourceMappingCommand({ UUID: mapping.UUID, FunctionName: 'doesnotexist' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: 'Function does not exist' });
  });
});
