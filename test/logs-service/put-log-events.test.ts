import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateLogGroupCommand, CreateLogStreamCommand, GetLogEventsCommand, PutLogEventsCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('PutLogEvents', () => {
  let kit: LogsTestKit;
  let stream = 0;
  // A fixed clock, so "too old" and "too new" are exact.
  const now = Date.UTC(2026, 0, 15, 12);
  const newStream = async (): Promise<string> => {
    stream += 1;
    await kit.logs.send(new CreateLogStreamCommand({ logGroupName: 'events', logStreamName: `s${stream}` }));
    return `s${stream}`;
  };
  const messages = async (logStreamName: string): Promise<string[]> =>
    ((await kit.logs.send(new GetLogEventsCommand({ logGroupName: 'events', logStreamName, startFromHead: true }))).events ?? []).map((e) => e.message ?? '');

  beforeAll(async () => {
    kit = await startLogsTestKit({ now: () => now });
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'events' }));
  });

  afterAll(async () => {
    await kit.close();
  });

  it('stores a batch, multi-byte messages intact, and returns a sequence token', async () => {
    const name = await newStream();

    const result = await kit.logs.send(
      new PutLogEventsCommand({ logGroupName: 'events', logStreamName: name, logEvents: [{ timestamp: now, message: 'hello' }, { timestamp: now, message: '🙀 - 参よ - 日本語' }] }),
    );

    // LocalStack parity tests test_put_log_events_basic and test_put_events_multi_bytes_msg.
    expect(result.nextSequenceToken).toEqual(expect.any(String));
    expect(result.rejectedLogEventsInfo).toBeUndefined();
    expect(await messages(name)).toEqual(['hello', '🙀 - 参よ - 日本語']);
  });

  it('fails the whole batch when it is not in chronological order', async () => {
    const name = await newStream();

    // Wording: LocalStack parity snapshot test_put_log_events_wrong_order.
    await expect(
      kit.logs.send(new PutLogEventsCommand({ logGroupName: 'events', logStreamName: name, logEvents: [{ timestamp: now, message: '0' }, { timestamp: now - 2 * DAY, message: '1' }] })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Log events in a single PutLogEvents request must be in chronological order.' });
    expect(await messages(name)).toEqual([]);
  });

  it('rejects events older than 14 days or more than 2 hours ahead and stores the rest', async () => {
    const name = await newStream();

    const result = await kit.logs.send(
      new PutLogEventsCommand({
        logGroupName: 'events',
        logStreamName: name,
        logEvents: [
          { timestamp: now - 15 * DAY, message: 'old 1' },
          { timestamp: now - 14 * DAY - 1, message: 'old 2' },
          { timestamp: now - HOUR, message: 'kept 1' },
          { timestamp: now + 2 * HOUR, message: 'kept 2' },
          { timestamp: now + 2 * HOUR + 1, message: 'new' },
        ],
      }),
    );

    // PutLogEvents API reference and RejectedLogEventsInfo: tooOldLogEventEndIndex is exclusive, tooNewLogEventStartIndex inclusive
    // (LocalStack parity snapshots test_put_log_events_too_old / _too_new: a 200 answer with the info).
    expect(result.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 2, tooNewLogEventStartIndex: 4 });
    expect(await messages(name)).toEqual(['kept 1', 'kept 2']);
  });

  it('reports events older than the retention period as expired', async () => {
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'short-lived' }));
    await kit.logs.send(new PutRetentionPolicyCommand({ logGroupName: 'short-lived', retentionInDays: 1 }));
    await kit.logs.send(new CreateLogStreamCommand({ logGroupName: 'short-lived', logStreamName: 's' }));

    const result = await kit.logs.send(
      new PutLogEventsCommand({ logGroupName: 'short-lived', logStreamName: 's', logEvents: [{ timestamp: now - 2 * DAY, message: 'expired' }, { timestamp: now, message: 'kept' }] }),
    );

    // "Events older than 14 days or preceding the log group's retention period are rejected" (PutLogEvents API reference).
    expect(result.rejectedLogEventsInfo).toEqual({ expiredLogEventEndIndex: 1 });
  });

  it('refuses a batch over 1,048,576 bytes (26 bytes counted per event) or spanning more than 24 hours', async () => {
    const name = await newStream();
    const big = 'x'.repeat(1_048_576 - 26);

    await kit.logs.send(new PutLogEventsCommand({ logGroupName: 'events', logStreamName: name, logEvents: [{ timestamp: now, message: big }] }));
    await expect(
      kit.logs.send(new PutLogEventsCommand({ logGroupName: 'events', logStreamName: name, logEvents: [{ timestamp: now, message: `${big}x` }] })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Upload too large: 1048577 bytes exceeds limit of 1048576' });
    await expect(
      kit.logs.send(new PutLogEventsCommand({ logGroupName: 'events', logStreamName: name, logEvents: [{ timestamp: now - DAY - 1, message: 'a' }, { timestamp: now, message: 'b' }] })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.' });
  });

  it('answers ResourceNotFoundException for a stream that does not exist', async () => {
    // Wording: LocalStack parity snapshot test_put_log_events_to_invalid_stream.
    await expect(
      kit.logs.send(new PutLogEventsCommand({ logGroupName: 'events', logStreamName: 'invalid-stream', logEvents: [{ timestamp: now, message: 'test' }] })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' });
  });
});
