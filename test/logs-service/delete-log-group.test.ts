import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  PutLogGroupDeletionProtectionCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('DeleteLogGroup', () => {
  let kit: LogsTestKit;

  beforeAll(async () => {
    kit = await startLogsTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('deletes the group with its streams; a second delete is ResourceNotFoundException', async () => {
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'doomed' }));
    await kit.logs.send(new CreateLogStreamCommand({ logGroupName: 'doomed', logStreamName: 's' }));

    await kit.logs.send(new DeleteLogGroupCommand({ logGroupName: 'doomed' }));

    const { logGroups } = await kit.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'doomed' }));
    expect(logGroups).toEqual([]);
    // Code, status and message: LocalStack parity snapshot test_logs_events.py::test_resource_does_not_exist.
    await expect(kit.logs.send(new DeleteLogGroupCommand({ logGroupName: 'doomed' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses to delete a protected group until protection is disabled', async () => {
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'kept', deletionProtectionEnabled: true }));

    // "Protecting log groups from deletion", CloudWatch Logs user guide: a ValidationException with this message.
    await expect(kit.logs.send(new DeleteLogGroupCommand({ logGroupName: 'kept' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Cannot delete log group with deletion protection enabled. Disable deletion protection first.',
    });
    await kit.logs.send(new PutLogGroupDeletionProtectionCommand({ logGroupIdentifier: 'kept', deletionProtectionEnabled: false }));
    await kit.logs.send(new DeleteLogGroupCommand({ logGroupName: 'kept' }));
  });
});
