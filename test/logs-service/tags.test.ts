import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateLogGroupCommand,
  ListTagsForResourceCommand,
  ListTagsLogGroupCommand,
  TagLogGroupCommand,
  TagResourceCommand,
  UntagLogGroupCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('log group tags', () => {
  let kit: LogsTestKit;
  const arn = 'arn:aws:logs:us-east-1:000000000000:log-group:tagged';

  beforeAll(async () => {
    kit = await startLogsTestKit();
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'tagged', tags: { env: 'testing1' } }));
  });

  afterAll(async () => {
    await kit.close();
  });

  it('keeps one set of tags behind the resource and the deprecated log group actions', async () => {
    // The sequence and results of LocalStack parity snapshot test_logs_groups.py::test_tag_resource_api.
    await kit.logs.send(new TagResourceCommand({ resourceArn: arn, tags: { test1: 'val1', test2: 'val2' } }));
    await kit.logs.send(new TagLogGroupCommand({ logGroupName: 'tagged', tags: { test3: 'val3' } }));
    const all = { env: 'testing1', test1: 'val1', test2: 'val2', test3: 'val3' };
    expect((await kit.logs.send(new ListTagsLogGroupCommand({ logGroupName: 'tagged' }))).tags).toEqual(all);
    expect((await kit.logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual(all);

    await kit.logs.send(new UntagLogGroupCommand({ logGroupName: 'tagged', tags: ['test3'] }));
    await kit.logs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['env', 'test1'] }));

    expect((await kit.logs.send(new ListTagsLogGroupCommand({ logGroupName: 'tagged' }))).tags).toEqual({ test2: 'val2' });
    expect((await kit.logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ test2: 'val2' });
  });

  it('accepts the ARN with the :* suffix DescribeLogGroups reports', async () => {
    await kit.logs.send(new TagResourceCommand({ resourceArn: `${arn}:*`, tags: { suffixed: 'yes' } }));

    expect((await kit.logs.send(new ListTagsForResourceCommand({ resourceArn: `${arn}:*` }))).tags).toMatchObject({ suffixed: 'yes' });
  });

  it('answers ResourceNotFoundException for a group of no such name, region or account', async () => {
    for (const resourceArn of [
      'arn:aws:logs:us-east-1:000000000000:log-group:missing',
      'arn:aws:logs:eu-west-1:000000000000:log-group:tagged',
      'arn:aws:logs:us-east-1:123456789012:log-group:tagged',
    ]) {
      await expect(kit.logs.send(new ListTagsForResourceCommand({ resourceArn }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    }
    await expect(kit.logs.send(new ListTagsForResourceCommand({ resourceArn: 'not-an-arn' }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('refuses more than 50 tags on a group', async () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));

    // The TagResource API reference: a resource can have up to 50 tags (TooManyTagsException).
    await expect(kit.logs.send(new TagResourceCommand({ resourceArn: arn, tags: many }))).rejects.toMatchObject({ name: 'TooManyTagsException' });
  });
});
