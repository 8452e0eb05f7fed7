import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListVersionsByFunctionCommand } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

// LocalStack parity snapshot TestLambdaVersions::test_version_lifecycle ("list_versions_result",
// recorded against AWS) in localstack/localstack tests/aws/services/lambda_/test_lambda_api.snapshot.json;
// paging per API_ListVersionsByFunction. The Terraform provider reads `version` and `qualified_arn`
// from the last entry of the last page.
describe('ListVersionsByFunction', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('versioned', 'echo-esm', { Description: 'No version :(' });
  });

  afterAll(async () => {
    await kit.close();
  });

  it('lists $LATEST with its qualified ARN and without State or LastUpdateStatus', async () => {
    const listed = await kit.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'versioned', MaxItems: 10000 }));

    expect(listed.NextMarker).toBeUndefined();
    expect(listed.Versions).toHaveLength(1);
    expect(listed.Versions?.[0]).toMatchObject({
      FunctionName: 'versioned',
      FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:versioned:$LATEST',
      Version: '$LATEST',
      Description: 'No version :(',
      LoggingConfig: { LogFormat: 'Text', LogGroup: '/aws/lambda/versioned' },
    });
    expect(listed.Versions?.[0]).not.toHaveProperty('State');
    expect(listed.Versions?.[0]).not.toHaveProperty('LastUpdateStatus');
  });

  it('answers 404 for an unknown function and bounds MaxItems', async () => {
    await expect(kit.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'ghost' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:ghost',
    });
    await expect(kit.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'versioned', MaxItems: 0 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"),
    });
  });
});
