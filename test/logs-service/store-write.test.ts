import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeLogGroupsCommand, DescribeLogStreamsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('LogStore.write', () => {
  let kit: LogsTestKit;

  beforeAll(async () => {
    kit = await startLogsTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('creates the log group and stream a line names when they are missing, as Lambda does', async () => {
    const timestamp = Date.now();
    kit.service.store.write({ logGroupName: '/aws/lambda/fn', logStreamName: '2026/01/02/[$LATEST]0123456789abcdef0123456789abcdef', timestamp, message: 'one\n' });
    kit.service.store.write({ logGroupName: '/aws/lambda/fn', logStreamName: '2026/01/02/[$LATEST]0123456789abcdef0123456789abcdef', timestamp, message: 'two\n' });

    const { logGroups } = await kit.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/fn' }));
    const { logStreams } = await kit.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/lambda/fn' }));
    const { events } = await kit.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/fn' }));
    expect(logGroups?.map((group) => group.logGroupName)).toEqual(['/aws/lambda/fn']);
    expect(logGroups?.[0]?.storedBytes).toBe(2 * (26 + 4));
    expect(logStreams?.map((stream) => stream.logStreamName)).toEqual(['2026/01/02/[$LATEST]0123456789abcdef0123456789abcdef']);
    expect(events?.map((event) => event.message)).toEqual(['one\n', 'two\n']);
    expect(kit.service.store.events('/aws/lambda/fn').map((event) => event.message)).toEqual(['one\n', 'two\n']);
  });
});
