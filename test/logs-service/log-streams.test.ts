import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogStreamCommand,
  DescribeLogStreamsCommand,
  paginateDescribeLogStreams,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('log streams', () => {
  let kit: LogsTestKit;
  const group = '/streams';

  beforeAll(async () => {
    kit = await startLogsTestKit();
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    for (const name of ['b', 'a', 'c']) {
      await kit.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: name }));
    }
    const now = Date.now();
    // c's last event is older than a's.
    await kit.logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 'c', logEvents: [{ timestamp: now - 2000, message: 'c1' }] }));
    await kit.logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 'a', logEvents: [{ timestamp: now - 1000, message: 'a1' }, { timestamp: now, message: 'a2' }] }));
  });

  afterAll(async () => {
    await kit.close();
  });

  it('describes streams by name with their ARN, event times and storedBytes 0', async () => {
    const { logStreams } = await kit.logs.send(new DescribeLogStreamsCommand({ logGroupName: group }));

    expect(logStreams?.map((stream) => stream.logStreamName)).toEqual(['a', 'b', 'c']);
    // Fields and ARN format: LocalStack parity snapshot test_logs_streams.py::test_log_stream_arn_format.
    expect(logStreams?.[1]).toEqual({
      logStreamName: 'b',
      creationTime: expect.any(Number),
      arn: 'arn:aws:logs:us-east-1:000000000000:log-group:/streams:log-stream:b',
      storedBytes: 0,
    });
    const a = logStreams?.[0];
    expect(a).toMatchObject({ firstEventTimestamp: expect.any(Number), lastEventTimestamp: expect.any(Number), lastIngestionTime: expect.any(Number), storedBytes: 0 });
    expect((a?.lastEventTimestamp ?? 0) - (a?.firstEventTimestamp ?? 0)).toBe(1000);
  });

  it('orders by last event time, newest first when descending', async () => {
    const { logStreams } = await kit.logs.send(new DescribeLogStreamsCommand({ logGroupName: group, orderBy: 'LastEventTime', descending: true }));

    // A stream without events has no lastEventTimestamp and sorts as the oldest.
    expect(logStreams?.map((stream) => stream.logStreamName)).toEqual(['a', 'c', 'b']);
  });

  it('filters by prefix, pages with limit, and takes the group by ARN as logGroupIdentifier', async () => {
    const names: string[] = [];
    for await (const page of paginateDescribeLogStreams({ client: kit.logs, pageSize: 1 }, { logGroupIdentifier: 'arn:aws:logs:us-east-1:000000000000:log-group:/streams' })) {
      names.push(...(page.logStreams ?? []).map((stream) => stream.logStreamName ?? ''));
    }
    expect(names).toEqual(['a', 'b', 'c']);

    const { logStreams } = await kit.logs.send(new DescribeLogStreamsCommand({ logGroupName: group, logStreamNamePrefix: 'b' }));
    expect(logStreams?.map((stream) => stream.logStreamName)).toEqual(['b']);
  });

  it('refuses what AWS refuses: duplicates, name and identifier together, a prefix ordered by time', async () => {
    // Wordings: LocalStack parity snapshots test_create_log_stream_duplicate_error and test_describe_log_streams_with_log_group_identifier.
    await expect(kit.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'a' }))).rejects.toMatchObject({
      name: 'ResourceAlreadyExistsException',
      message: 'The specified log stream already exists',
    });
    await expect(kit.logs.send(new DescribeLogStreamsCommand({ logGroupName: group, logGroupIdentifier: group }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'LogGroup name and LogGroup ARN are mutually exclusive parameters.',
    });
    await expect(
      kit.logs.send(new DescribeLogStreamsCommand({ logGroupName: group, orderBy: 'LastEventTime', logStreamNamePrefix: 'a' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Cannot order by LastEventTime with a logStreamNamePrefix.' });
    await expect(kit.logs.send(new CreateLogStreamCommand({ logGroupName: 'no-group', logStreamName: 'a' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
  });

  it('deletes a stream; deleting it again is ResourceNotFoundException', async () => {
    await kit.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'gone' }));
    await kit.logs.send(new DeleteLogStreamCommand({ logGroupName: group, logStreamName: 'gone' }));

    await expect(kit.logs.send(new DeleteLogStreamCommand({ logGroupName: group, logStreamName: 'gone' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log stream does not exist.',
    });
  });
});
