import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateLogGroupCommand, DescribeLogGroupsCommand, ListTagsLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('CreateLogGroup', () => {
  let kit: LogsTestKit;

  beforeAll(async () => {
    kit = await startLogsTestKit({ accountId: '111111111111', region: 'eu-west-1' });
  });

  afterAll(async () => {
    await kit.close();
  });

  it('creates a group that DescribeLogGroups shows with its ARNs, class and counters', async () => {
    const before = Date.now();
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: '/aws/lambda/created', tags: { env: 'testing' } }));

    const { logGroups } = await kit.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/created' }));
    // Fields as AWS answers them: LocalStack parity snapshot test_logs_groups.py::test_describe_log_groups_with_prefix.
    expect(logGroups).toEqual([
      {
        logGroupName: '/aws/lambda/created',
        creationTime: expect.any(Number),
        metricFilterCount: 0,
        arn: 'arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/created:*',
        logGroupArn: 'arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/created',
        storedBytes: 0,
        logGroupClass: 'STANDARD',
        deletionProtectionEnabled: false,
      },
    ]);
    expect(logGroups?.[0]?.creationTime).toBeGreaterThanOrEqual(before);
    // test_create_log_group_with_tags: the tags given at creation are the group's.
    const { tags } = await kit.logs.send(new ListTagsLogGroupCommand({ logGroupName: '/aws/lambda/created' }));
    expect(tags).toEqual({ env: 'testing' });
  });

  it('refuses a name that exists with ResourceAlreadyExistsException (400)', async () => {
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'twice' }));

    // Code, status and message: LocalStack parity snapshot test_create_log_group_duplicate_error.
    await expect(kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'twice' }))).rejects.toMatchObject({
      name: 'ResourceAlreadyExistsException',
      message: 'The specified log group already exists',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses names that break the model constraints with InvalidParameterException', async () => {
    // test_create_log_group_invalid_name_length: AWS's own wording for names over 512 characters.
    await expect(kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'a'.repeat(513) }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid LogGroup or LogStream, both must have length less than or equal to 512.',
    });
    // The CreateLogGroup API reference: Pattern [\.\-_/#A-Za-z0-9]+.
    await expect(kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'has space' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: String.raw`1 validation error detected: Value 'has space' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\.\-_/#A-Za-z0-9]+`,
    });
  });
});
