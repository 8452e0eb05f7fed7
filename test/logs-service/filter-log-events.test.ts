import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  paginateFilterLogEvents,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('FilterLogEvents', () => {
  let kit: LogsTestKit;
  const base = Date.now() - 60_000;
  const filter = (input: Partial<ConstructorParameters<typeof FilterLogEventsCommand>[0]>) =>
    kit.logs.send(new FilterLogEventsCommand({ logGroupName: 'filter', ...input }));
  const messagesOf = (events: { message?: string }[] | undefined): string[] => (events ?? []).map((event) => event.message ?? '');

  beforeAll(async () => {
    kit = await startLogsTestKit();
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'filter' }));
    for (const [stream, offsets] of [['2026/01/01/[$LATEST]aaa', [0, 20, 40]], ['2026/01/01/[$LATEST]bbb', [10, 30, 50]], ['other', [25]]] as const) {
      await kit.logs.send(new CreateLogStreamCommand({ logGroupName: 'filter', logStreamName: stream }));
      await kit.logs.send(
        new PutLogEventsCommand({
          logGroupName: 'filter',
          logStreamName: stream,
          logEvents: offsets.map((offset) => ({ timestamp: base + offset, message: `${stream.slice(-3)} at ${offset}` })),
        }),
      );
    }
  });

  afterAll(async () => {
    await kit.close();
  });

  it('interleaves the events of all streams in time order, each with its stream and a unique event id', async () => {
    const { events, nextToken, searchedLogStreams } = await filter({ interleaved: true });

    expect(messagesOf(events)).toEqual(['aaa at 0', 'bbb at 10', 'aaa at 20', 'her at 25', 'bbb at 30', 'aaa at 40', 'bbb at 50']);
    expect(events?.[1]).toEqual({
      logStreamName: '2026/01/01/[$LATEST]bbb',
      timestamp: base + 10,
      message: 'bbb at 10',
      ingestionTime: expect.any(Number),
      eventId: expect.stringMatching(/^\d{56}$/),
    });
    expect(new Set(events?.map((event) => event.eventId)).size).toBe(7);
    expect(nextToken).toBeUndefined();
    // FilterLogEvents API reference: searchedLogStreams is no longer supported and is an empty list.
    expect(searchedLogStreams).toEqual([]);
  });

  it('narrows to named streams, a stream prefix, and an inclusive time range', async () => {
    expect(messagesOf((await filter({ logStreamNames: ['other'] })).events)).toEqual(['her at 25']);
    expect(messagesOf((await filter({ logStreamNamePrefix: '2026/01/01/[$LATEST]b' })).events)).toEqual(['bbb at 10', 'bbb at 30', 'bbb at 50']);
    // FilterLogEvents API reference: events before startTime and later than endTime are not returned.
    expect(messagesOf((await filter({ startTime: base + 20, endTime: base + 40 })).events)).toEqual(['aaa at 20', 'her at 25', 'bbb at 30', 'aaa at 40']);
  });

  it('matches the filter pattern', async () => {
    expect(messagesOf((await filter({ filterPattern: 'aaa' })).events)).toEqual(['aaa at 0', 'aaa at 20', 'aaa at 40']);
    expect(messagesOf((await filter({ filterPattern: '?her ?"at 50"' })).events)).toEqual(['her at 25', 'bbb at 50']);
  });

  it('pages with nextToken until every event is seen once, in both directions', async () => {
    const forward: string[] = [];
    for await (const page of paginateFilterLogEvents({ client: kit.logs, pageSize: 2 }, { logGroupName: 'filter' })) {
      expect(page.events?.length).toBeLessThanOrEqual(2);
      forward.push(...messagesOf(page.events));
    }
    const backward: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await filter({ limit: 3, startFromHead: false, startTime: Date.UTC(2024, 0, 1), nextToken });
      backward.push(...messagesOf(page.events));
      nextToken = page.nextToken;
    } while (nextToken);

    // LocalStack parity test test_filter_log_events_pagination: pages add up to all events.
    expect(forward).toEqual(['aaa at 0', 'bbb at 10', 'aaa at 20', 'her at 25', 'bbb at 30', 'aaa at 40', 'bbb at 50']);
    expect(backward).toEqual([...forward].reverse());
  });

  it('refuses what AWS refuses', async () => {
    // Wording: LocalStack parity snapshot test_filter_log_events_limit_validation.
    await expect(filter({ limit: 10001 })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    });
    // test_filter_log_events_unknown_token.
    await expect(filter({ nextToken: 'invalid-token' })).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'The specified nextToken is invalid.' });
    await expect(filter({ logGroupName: 'missing' })).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
    await expect(filter({ logStreamNames: ['other'], logStreamNamePrefix: 'o' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    // FilterLogEvents API reference: newest first only with a startTime on or after 2024-01-01.
    await expect(filter({ startFromHead: false, startTime: Date.UTC(2023, 11, 31) })).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});
