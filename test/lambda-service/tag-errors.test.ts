import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListTagsCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

// Errors as LocalStack's parity snapshots recorded them against AWS
// (localstack/localstack tests/aws/services/lambda_/test_lambda_api.snapshot.json):
// TestLambdaTags::test_tag_exceptions, ::test_tag_limits, ::test_tag_versions and
// TestLambdaTag::test_tag_exceptions[lambda_function] / [event_source_mapping].
describe('tagging errors, worded as Lambda words them', () => {
  let kit: LambdaTestKit;
  const arn = 'arn:aws:lambda:us-east-1:000000000000:function:fn';

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('fn', 'echo-esm');
  });

  afterAll(async () => {
    await kit.close();
  });

  it('refuses a Resource that is not a Lambda ARN with a ValidationException naming the pattern', async () => {
    await expect(kit.lambda.send(new TagResourceCommand({ Resource: 'arn:aws:something', Tags: { a: 'b' } }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(
        /^1 validation error detected: Value 'arn:aws:something' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:\(aws\[a-zA-Z-\]\*\):lambda:/,
      ),
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers 404 for an unknown function or event source mapping, naming its ARN', async () => {
    const mappingArn = 'arn:aws:lambda:us-east-1:000000000000:event-source-mapping:a1b2c3d4-0000-4000-8000-000000000000';

    await expect(
      kit.lambda.send(new ListTagsCommand({ Resource: 'arn:aws:lambda:us-east-1:000000000000:function:doesnotexist' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:doesnotexist',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(kit.lambda.send(new TagResourceCommand({ Resource: mappingArn, Tags: { a: 'b' } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Event source mapping not found: ${mappingArn}`,
    });
  });

  it('refuses tags on versions and aliases, $LATEST included', async () => {
    for (const qualified of [`${arn}:v1`, `${arn}:$LATEST`]) {
      await expect(kit.lambda.send(new TagResourceCommand({ Resource: qualified, Tags: { a: 'b' } }))).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        message: 'Tags on function aliases and versions are not supported. Please specify a function ARN.',
        $metadata: { httpStatusCode: 400 },
      });
    }
  });

  it('refuses an empty Tags map and an UntagResource without keys', async () => {
    await expect(kit.lambda.send(new TagResourceCommand({ Resource: arn, Tags: {} }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'An error occurred and the request cannot be processed.',
    });
    await expect(kit.lambda.send(new UntagResourceCommand({ Resource: arn, TagKeys: [] }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null",
    });
  });

  it('allows 50 tags per resource, on TagResource and on CreateFunction', async () => {
    const tags = (count: number, prefix = '') =>
      Object.fromEntries(Array.from({ length: count }, (_, k) => [`${prefix}${k}_key`, `${k}_value`]));
    const tooMany = { name: 'InvalidParameterValueException', message: 'Number of tags exceeds resource tag limit.' };

    await expect(kit.lambda.send(new TagResourceCommand({ Resource: arn, Tags: tags(51) }))).rejects.toMatchObject(tooMany);
    await kit.lambda.send(new TagResourceCommand({ Resource: arn, Tags: tags(50) }));
    await expect(kit.lambda.send(new TagResourceCommand({ Resource: arn, Tags: { a_key: 'a_value' } }))).rejects.toMatchObject(tooMany);
    await expect(kit.deploy('too-many-tags', 'echo-esm', { Tags: tags(51) })).rejects.toMatchObject(tooMany);
    expect(Object.keys((await kit.lambda.send(new ListTagsCommand({ Resource: arn }))).Tags ?? {})).toHaveLength(50);
  });
});
