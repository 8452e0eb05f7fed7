import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetFunctionCodeSigningConfigCommand } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

// API_GetFunctionCodeSigningConfig (200, members CodeSigningConfigArn and FunctionName) and
// LocalStack parity snapshot TestLambdaFunction::test_ops_on_nonexisting_fn[get_function_code_signing_config]
// in localstack/localstack tests/aws/services/lambda_/test_lambda_api.snapshot.json for the 404.
// The Terraform provider calls it on every refresh of a function in the commercial partition.
describe('GetFunctionCodeSigningConfig', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('unsigned', 'echo-esm');
  });

  afterAll(async () => {
    await kit.close();
  });

  it('answers 200 with the function name and no CodeSigningConfigArn, by name or ARN', async () => {
    const byName = await kit.lambda.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: 'unsigned' }));
    const byArn = await kit.lambda.send(
      new GetFunctionCodeSigningConfigCommand({ FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:unsigned' }),
    );

    expect(byName.$metadata.httpStatusCode).toBe(200);
    expect(byName.FunctionName).toBe('unsigned');
    expect(byName.CodeSigningConfigArn).toBeUndefined();
    expect(byArn.FunctionName).toBe('unsigned');
  });

  it('answers 404 for an unknown function', async () => {
    await expect(kit.lambda.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: 'ghost' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:ghost',
      $metadata: { httpStatusCode: 404 },
    });
  });
});
