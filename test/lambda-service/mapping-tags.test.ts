import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-lambda';
import { startSqsTestKit, type Queue, type SqsTestKit } from './helpers/sqsTestKit.ts';

// LocalStack parity snapshots (recorded against AWS) TestLambdaTag::test_create_tag_on_esm_create and
// TestLambdaTag::test_tag_lifecycle[event_source_mapping] in localstack/localstack
// tests/aws/services/lambda_/test_lambda_api.snapshot.json. The Terraform AWS provider reads a
// mapping's tags with ListTags on its EventSourceMappingArn after every Get.
describe('tags of an event source mapping, by its ARN', () => {
  let kit: SqsTestKit;
  let queue: Queue;

  beforeAll(async () => {
    kit = await startSqsTestKit();
    queue = await kit.createQueue('tagged-mapping');
    await kit.deploy('consumer', 'echo-esm');
  });

  afterAll(async () => {
    await kit.close();
  });

  it('keeps the tags given to CreateEventSourceMapping, and tags and untags the mapping ARN', async () => {
    const created = await kit.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'consumer', EventSourceArn: queue.arn, Enabled: false, Tags: { testtag: 'a' } }),
    );
    const mappingArn = created.EventSourceMappingArn ?? '';
    const tagsOf = async () => (await kit.lambda.send(new ListTagsCommand({ Resource: mappingArn }))).Tags;

    const atCreation = await tagsOf();
    await kit.lambda.send(new TagResourceCommand({ Resource: mappingArn, Tags: { B: 'tag-b', C: 'tag-c' } }));
    const afterTagging = await tagsOf();
    await kit.lambda.send(new UntagResourceCommand({ Resource: mappingArn, TagKeys: ['testtag', 'C'] }));
    const described = await kit.lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));

    expect(mappingArn).toBe(`arn:aws:lambda:us-east-1:000000000000:event-source-mapping:${created.UUID}`);
    expect(atCreation).toEqual({ testtag: 'a' });
    expect(afterTagging).toEqual({ testtag: 'a', B: 'tag-b', C: 'tag-c' });
    expect(await tagsOf()).toEqual({ B: 'tag-b' });
    expect(described).not.toHaveProperty('Tags');
  });
});
