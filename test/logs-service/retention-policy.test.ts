import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateLogGroupCommand, DeleteRetentionPolicyCommand, DescribeLogGroupsCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('retention policies', () => {
  let kit: LogsTestKit;
  const retention = async (): Promise<number | undefined> =>
    (await kit.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'kept-a-while' }))).logGroups?.[0]?.retentionInDays;

  beforeAll(async () => {
    kit = await startLogsTestKit();
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'kept-a-while' }));
  });

  afterAll(async () => {
    await kit.close();
  });

  it('sets and deletes the retention that DescribeLogGroups reports', async () => {
    // LocalStack parity tests test_put_retention_policy / test_delete_retention_policy.
    await kit.logs.send(new PutRetentionPolicyCommand({ logGroupName: 'kept-a-while', retentionInDays: 7 }));
    expect(await retention()).toBe(7);

    await kit.logs.send(new DeleteRetentionPolicyCommand({ logGroupName: 'kept-a-while' }));
    expect(await retention()).toBeUndefined();
  });

  it.each([0, 2, 4000])('refuses %i days, which is not one of the periods CloudWatch accepts', async (days) => {
    // PutRetentionPolicy API reference: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.
    await expect(kit.logs.send(new PutRetentionPolicyCommand({ logGroupName: 'kept-a-while', retentionInDays: days }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: `1 validation error detected: Value '${days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]`,
    });
  });

  it('answers ResourceNotFoundException for a group that does not exist', async () => {
    await expect(kit.logs.send(new PutRetentionPolicyCommand({ logGroupName: 'nowhere', retentionInDays: 1 }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
  });
});
