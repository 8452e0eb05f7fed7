import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateLogGroupCommand, DescribeLogGroupsCommand, paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('DescribeLogGroups', () => {
  let kit: LogsTestKit;

  beforeAll(async () => {
    kit = await startLogsTestKit();
    for (const name of ['/app/b', '/app/a', '/app/DataLogs', '/other/GroupDataLogs', '/other/datalogs', ...Array.from({ length: 60 }, (_, i) => `/many/${String(i).padStart(2, '0')}`)]) {
      await kit.logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    }
  });

  afterAll(async () => {
    await kit.close();
  });

  it('lists groups with a prefix in name order', async () => {
    const { logGroups, nextToken } = await kit.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/app/' }));

    // Code unit order, upper case before lower case, as AWS sorts names.
    expect(logGroups?.map((group) => group.logGroupName)).toEqual(['/app/DataLogs', '/app/a', '/app/b']);
    expect(nextToken).toBeUndefined();
  });

  it('matches logGroupNamePattern as a case-sensitive substring and leaves storedBytes out', async () => {
    // The example of the DescribeLogGroups API reference: DataLogs matches /app/DataLogs and GroupDataLogs, not datalogs.
    const { logGroups } = await kit.logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'DataLogs' }));

    expect(logGroups?.map((group) => group.logGroupName)).toEqual(['/app/DataLogs', '/other/GroupDataLogs']);
    // LocalStack parity snapshot test_describe_log_groups_with_pattern: no storedBytes in pattern answers.
    expect(logGroups?.[0]).not.toHaveProperty('storedBytes');
  });

  it('refuses a prefix and a pattern together', async () => {
    // Wording: LocalStack parity snapshot test_describe_log_groups_prefix_and_pattern_error.
    await expect(kit.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/app', logGroupNamePattern: 'app' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.',
    });
  });

  it('pages 50 groups at a time and the SDK paginator gets them all', async () => {
    const first = await kit.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/many/' }));
    expect(first.logGroups).toHaveLength(50);
    expect(first.nextToken).toEqual(expect.any(String));

    const names: string[] = [];
    for await (const page of paginateDescribeLogGroups({ client: kit.logs, pageSize: 7 }, { logGroupNamePrefix: '/many/' })) {
      expect(page.logGroups?.length).toBeLessThanOrEqual(7);
      names.push(...(page.logGroups ?? []).map((group) => group.logGroupName ?? ''));
    }
    expect(names).toEqual(Array.from({ length: 60 }, (_, i) => `/many/${String(i).padStart(2, '0')}`));
  });

  it('refuses a limit over 50 and a token it did not issue', async () => {
    await expect(kit.logs.send(new DescribeLogGroupsCommand({ limit: 51 }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50",
    });
    await expect(kit.logs.send(new DescribeLogGroupsCommand({ nextToken: 'not-a-token' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'The specified nextToken is invalid.',
    });
  });
});
