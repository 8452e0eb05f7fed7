import { CloudWatchLogsClient, FilterLogEventsCommand, ResourceNotFoundException } from '@aws-sdk/client-cloudwatch-logs';
import { afterEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { readLambdaLogEvents, readLambdaLogs } from '../../harness/backends/cloudWatchLambdaLogs.ts';

const logs = mockClient(CloudWatchLogsClient);
const client = new CloudWatchLogsClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

describe('readLambdaLogs', () => {
  afterEach(() => {
    logs.reset();
  });

  it('filters /aws/lambda/<function> over every page and returns the most recent lines, oldest first', async () => {
    logs.on(FilterLogEventsCommand, { nextToken: undefined }).resolves({
      events: [{ timestamp: 1, message: 'START RequestId: a\n' }, { timestamp: 3, message: 'END RequestId: a\n' }],
      nextToken: 'page-2',
    });
    logs.on(FilterLogEventsCommand, { nextToken: 'page-2' }).resolves({
      events: [{ timestamp: 2, message: 'processed order o-1\n' }, { timestamp: 4, message: 'REPORT RequestId: a' }],
    });

    const lines = await readLambdaLogs(client, 'fanout-order-processor', { limit: 3, now: () => 10_000_000, lookbackMs: 60_000 });

    expect(lines).toEqual(['processed order o-1', 'END RequestId: a', 'REPORT RequestId: a']);
    expect(logs.commandCalls(FilterLogEventsCommand)[0]?.args[0].input).toMatchObject({
      logGroupName: '/aws/lambda/fanout-order-processor',
      startTime: 10_000_000 - 60_000,
    });
  });

  it('gives each line the timestamp of its event, for dating invocations', async () => {
    logs.on(FilterLogEventsCommand).resolves({ events: [{ timestamp: 7, message: 'REPORT RequestId: a' }, { timestamp: 5, message: 'START RequestId: a\n' }] });

    await expect(readLambdaLogEvents(client, 'fanout-order-processor')).resolves.toEqual([
      { timestamp: 5, message: 'START RequestId: a' },
      { timestamp: 7, message: 'REPORT RequestId: a' },
    ]);
  });

  it('names the log stream of each event, one per execution environment', async () => {
    const stream = '2025/01/01/[$LATEST]0123456789abcdef0123456789abcdef';
    logs.on(FilterLogEventsCommand).resolves({ events: [{ timestamp: 5, message: 'START RequestId: a\n', logStreamName: stream }] });

    await expect(readLambdaLogEvents(client, 'fanout-order-processor')).resolves.toEqual([{ timestamp: 5, message: 'START RequestId: a', logStreamName: stream }]);
  });

  it('returns no lines for a function that never ran (no log group yet)', async () => {
    logs.on(FilterLogEventsCommand).rejects(new ResourceNotFoundException({ message: 'The specified log group does not exist.', $metadata: {} }));

    await expect(readLambdaLogs(client, 'fanout-user-notification')).resolves.toEqual([]);
  });
});
