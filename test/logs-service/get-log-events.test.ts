import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateLogGroupCommand, CreateLogStreamCommand, GetLogEventsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('GetLogEvents', () => {
  let kit: LogsTestKit;
  const base = Date.now() - 60_000;
  const get = (input: Partial<ConstructorParameters<typeof GetLogEventsCommand>[0]>) =>
    kit.logs.send(new GetLogEventsCommand({ logGroupName: 'get', logStreamName: 's', ...input }));
  const messagesOf = (events: { message?: string }[] | undefined): string[] => (events ?? []).map((event) => event.message ?? '');

  beforeAll(async () => {
    kit = await startLogsTestKit();
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'get' }));
    await kit.logs.send(new CreateLogStreamCommand({ logGroupName: 'get', logStreamName: 's' }));
    await kit.logs.send(
      new PutLogEventsCommand({
        logGroupName: 'get',
        logStreamName: 's',
        logEvents: Array.from({ length: 20 }, (_, i) => ({ timestamp: base + i * 100, message: `message ${i}` })),
      }),
    );
  });

  afterAll(async () => {
    await kit.close();
  });

  it('returns the newest events by default and the oldest with startFromHead', async () => {
    const tail = await get({ limit: 3 });
    const head = await get({ limit: 10, startFromHead: true });

    expect(messagesOf(tail.events)).toEqual(['message 17', 'message 18', 'message 19']);
    // LocalStack parity test test_get_log_events_start_from_head.
    expect(messagesOf(head.events)).toEqual(Array.from({ length: 10 }, (_, i) => `message ${i}`));
    expect(head.events?.[0]).toEqual({ timestamp: base, message: 'message 0', ingestionTime: expect.any(Number) });
    expect(head.nextForwardToken).toMatch(/^f\/\d{56}$/);
    expect(head.nextBackwardToken).toMatch(/^b\/\d{56}$/);
  });

  it('walks forward with nextForwardToken and gives the same token back at the end', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await get({ limit: 7, startFromHead: true, nextToken: token });
      seen.push(...messagesOf(result.events));
      if (result.nextForwardToken === token) {
        break;
      }
      token = result.nextForwardToken;
    }

    // GetLogEvents API reference: at the end of the stream the token passed in comes back.
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => `message ${i}`));
  });

  it('walks backward with nextBackwardToken', async () => {
    const newest = await get({ limit: 5 });
    const before = await get({ limit: 5, nextToken: newest.nextBackwardToken });
    const oldest = await get({ limit: 100, nextToken: before.nextBackwardToken });
    const beyond = await get({ limit: 100, nextToken: oldest.nextBackwardToken });

    expect(messagesOf(before.events)).toEqual(['message 10', 'message 11', 'message 12', 'message 13', 'message 14']);
    expect(messagesOf(oldest.events)).toHaveLength(10);
    expect(beyond.events).toEqual([]);
    expect(beyond.nextBackwardToken).toBe(oldest.nextBackwardToken);
  });

  it('picks up events written after the last forward token, as a poller does', async () => {
    const end = await get({ startFromHead: true });
    await kit.logs.send(new PutLogEventsCommand({ logGroupName: 'get', logStreamName: 's', logEvents: [{ timestamp: base + 5000, message: 'late' }] }));

    const next = await get({ nextToken: end.nextForwardToken });

    expect(messagesOf(next.events)).toEqual(['late']);
  });

  it('takes startTime inclusive and endTime exclusive', async () => {
    const result = await get({ startTime: base + 200, endTime: base + 500, startFromHead: true });

    // GetLogEvents API reference: events at startTime are included, events at endTime are not.
    expect(messagesOf(result.events)).toEqual(['message 2', 'message 3', 'message 4']);
  });

  it('refuses a token it did not issue and a limit over 10000', async () => {
    // Wordings: LocalStack parity snapshots test_get_log_events_invalid_token and test_get_log_events_limit_validation.
    await expect(get({ nextToken: 'invalid-token' })).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'The specified nextToken is invalid.' });
    await expect(get({ limit: 10001 })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    });
  });

  it('answers ResourceNotFoundException for a missing group or stream', async () => {
    // LocalStack parity snapshot test_logs_events.py::test_resource_does_not_exist.
    await expect(kit.logs.send(new GetLogEventsCommand({ logGroupName: 'nope', logStreamName: 's' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
    await expect(get({ logStreamName: 'nope' })).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' });
  });
});
