import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetFunctionCommand, ListTagsCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

// Shapes from LocalStack's parity snapshots (recorded against AWS) in
// tests/aws/services/lambda_/test_lambda_api.snapshot.json of localstack/localstack:
// TestLambdaTag::test_create_tag_on_fn_create and TestLambdaTags::test_tag_lifecycle;
// status codes from the API reference (API_TagResource, API_UntagResource: 204; API_ListTags: 200).
describe('tags of a function, by its ARN', () => {
  let kit: LambdaTestKit;
  const arn = 'arn:aws:lambda:us-east-1:000000000000:function:tagged';

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('tagged', 'echo-esm', { Tags: { key_a: 'value_a' } });
    await kit.deploy('untagged', 'echo-esm');
  });

  afterAll(async () => {
    await kit.close();
  });

  const tagsOf = async (resource: string) => (await kit.lambda.send(new ListTagsCommand({ Resource: resource }))).Tags;

  it('keeps the tags given to CreateFunction, in ListTags and in GetFunction', async () => {
    const described = await kit.lambda.send(new GetFunctionCommand({ FunctionName: 'tagged' }));

    expect(await tagsOf(arn)).toEqual({ key_a: 'value_a' });
    expect(described.Tags).toEqual({ key_a: 'value_a' });
  });

  it('adds and overwrites tags with TagResource (204) and removes them with UntagResource (204), unknown keys included', async () => {
    const added = await kit.lambda.send(
      new TagResourceCommand({ Resource: arn, Tags: { key_b: 'value_b', key_c: 'value_c', key_d: 'value_d' } }),
    );
    await kit.lambda.send(new TagResourceCommand({ Resource: arn, Tags: { key_c: 'value_x' } }));
    const afterTagging = await tagsOf(arn);
    const removed = await kit.lambda.send(new UntagResourceCommand({ Resource: arn, TagKeys: ['key_c', 'key_d', 'no_such_key'] }));

    expect(added.$metadata.httpStatusCode).toBe(204);
    expect(afterTagging).toEqual({ key_a: 'value_a', key_b: 'value_b', key_c: 'value_x', key_d: 'value_d' });
    expect(removed.$metadata.httpStatusCode).toBe(204);
    expect(await tagsOf(arn)).toEqual({ key_a: 'value_a', key_b: 'value_b' });
  });

  it('answers an empty map for a function without tags, and GetFunction leaves Tags out', async () => {
    const untaggedArn = 'arn:aws:lambda:us-east-1:000000000000:function:untagged';

    const described = await kit.lambda.send(new GetFunctionCommand({ FunctionName: 'untagged' }));

    expect(await tagsOf(untaggedArn)).toEqual({});
    expect(described.Tags).toBeUndefined();
  });
});
