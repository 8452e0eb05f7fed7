import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { ROLE, startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { zipFixture } from './helpers/zipFunction.ts';

// LocalStack parity snapshot TestLambdaFunction::test_function_lifecycle (recorded against AWS) in
// localstack/localstack tests/aws/services/lambda_/test_lambda_api.snapshot.json: CreateFunction answers
// State Pending without LastUpdateStatus, updates answer LastUpdateStatus InProgress; reads then say
// Active / Successful, which the SDK's waiters and the Terraform provider's poll for.
describe('function states after create and update', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('answers Pending to CreateFunction, then reads Active', async () => {
    const created = await kit.lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'lifecycle',
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        Role: ROLE,
        Code: { ZipFile: await zipFixture('echo-esm') },
      }),
    );
    const waited = await waitUntilFunctionActiveV2({ client: kit.lambda, maxWaitTime: 10 }, { FunctionName: 'lifecycle' });

    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({ State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' });
    expect(created).not.toHaveProperty('LastUpdateStatus');
    expect(waited.state).toBe('SUCCESS');
  });

  it('answers InProgress to configuration and code updates, then reads Successful', async () => {
    await kit.deploy('updated', 'echo-esm');

    const configured = await kit.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'updated', Timeout: 10 }));
    const coded = await kit.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'updated', ZipFile: await zipFixture('echo-cjs') }));
    const waited = await waitUntilFunctionUpdatedV2({ client: kit.lambda, maxWaitTime: 10 }, { FunctionName: 'updated' });
    const read = await kit.lambda.send(new GetFunctionCommand({ FunctionName: 'updated' }));

    for (const answer of [configured, coded]) {
      expect(answer).toMatchObject({
        State: 'Active',
        LastUpdateStatus: 'InProgress',
        LastUpdateStatusReason: 'The function is being created.',
        LastUpdateStatusReasonCode: 'Creating',
      });
    }
    expect(waited.state).toBe('SUCCESS');
    expect(read.Configuration).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful', Timeout: 10 });
  });
});
