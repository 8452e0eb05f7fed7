import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateFunctionCommand, DeleteFunctionCommand, GetFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { ROLE, startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { zipFixture } from './helpers/zipFunction.ts';

/**
 * How Lambda checks a FunctionName and Qualifier, from LocalStack's parity snapshots recorded on AWS:
 * tests/aws/services/lambda_/test_lambda_api.snapshot.json, `TestLambdaFunction::
 * test_function_name_and_qualifier_validation[<case>-<operation>]` and `::test_function_arns`.
 */
const READ_PATTERN = String.raw`(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?`;
const CREATE_PATTERN = String.raw`(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?`;
const ARN = 'arn:aws:lambda:us-east-1:000000000000:function';

const patternError = (value: string, pattern: string) =>
  `1 validation error detected: Value '${value}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}`;

describe('FunctionName and Qualifier validation, as AWS does it', () => {
  let kit: LambdaTestKit;
  let zip: Uint8Array;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    zip = await zipFixture('echo-esm');
  });

  afterAll(async () => {
    await kit.close();
  });

  type Call = (input: { FunctionName: string; Qualifier?: string }) => Promise<unknown>;
  const operations: Record<string, Call> = {
    get_function: (input) => kit.lambda.send(new GetFunctionCommand(input)),
    delete_function: (input) => kit.lambda.send(new DeleteFunctionCommand(input)),
    invoke: (input) => kit.lambda.send(new InvokeCommand(input)),
  };

  for (const [operation, call] of Object.entries(operations)) {
    it(`${operation}: a name or ARN outside the pattern is a 400 ValidationException naming the pattern`, async () => {
      for (const value of ['my-function!', '*', 'invalid-account:function:my-function', `arn:aws:lambda:invalid-region:000000000000:function:my-function`, `${ARN}:my-function:1:2`, 'function:my-function:$LATEST:extra', 'arn:aws:lambda::000000000000:function:my-function', `${ARN}:my-function:$LATES`]) {
        await expect(call({ FunctionName: value })).rejects.toMatchObject({
          name: 'ValidationException',
          message: patternError(value, READ_PATTERN),
          $metadata: { httpStatusCode: 400 },
        });
      }
    });

    it(`${operation}: a qualifier outside its pattern or over 128 characters is a ValidationException`, async () => {
      await expect(call({ FunctionName: 'my-function', Qualifier: 'invalid!' })).rejects.toMatchObject({
        name: 'ValidationException',
        message: String.raw`1 validation error detected: Value 'invalid!' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: \$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+`,
      });
      await expect(call({ FunctionName: 'my-function', Qualifier: 'a'.repeat(129) })).rejects.toMatchObject({
        name: 'ValidationException',
        message: `1 validation error detected: Value '${'a'.repeat(129)}' at 'qualifier' failed to satisfy constraint: Member must have length less than or equal to 128`,
      });
    });

    it(`${operation}: a qualifier contradicting the one in the name is an InvalidParameterValueException`, async () => {
      await expect(call({ FunctionName: `${ARN}:my-function:$LATEST`, Qualifier: '1' })).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        message: 'The derived qualifier from the function name does not match the specified qualifier.',
        $metadata: { httpStatusCode: 400 },
      });
    });

    it(`${operation}: valid names of functions that do not exist are 404s`, async () => {
      // Invoke names the version it looked for.
      const version = operation === 'invoke' ? ':$LATEST' : '';
      await expect(call({ FunctionName: 'a'.repeat(65) })).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
        message: `Function not found: ${ARN}:${'a'.repeat(65)}${version}`,
        $metadata: { httpStatusCode: 404 },
      });
      // The pattern reads the region, the account and the name "function" out of this one.
      await expect(call({ FunctionName: ARN })).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
        message: `Function not found: ${ARN}:function${version}`,
      });
      await expect(call({ FunctionName: 'arn:aws:lambda:ap-southeast-1:000000000000:function:my-function' })).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
        message: "Functions from 'ap-southeast-1' are not reachable in this region ('us-east-1')",
      });
    });
  }

  it('create_function: its own pattern, 140 characters, and 64 for the name itself', async () => {
    const create = (FunctionName: string) =>
      kit.lambda.send(new CreateFunctionCommand({ FunctionName, Runtime: 'nodejs24.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: zip } }));

    for (const value of ['invalid:function:name', 'my-function:invalid!', `${ARN}:my-function:$latest`, 'my.function']) {
      await expect(create(value)).rejects.toMatchObject({ name: 'ValidationException', message: patternError(value, CREATE_PATTERN) });
    }
    const tooLong = `${ARN}:${'a'.repeat(140 - ARN.length)}`;
    await expect(create(tooLong)).rejects.toMatchObject({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${tooLong}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 140`,
    });
    await expect(create('a'.repeat(65))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: `1 validation error detected: Value '${'a'.repeat(65)}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
      $metadata: { httpStatusCode: 400 },
    });
  });
});
