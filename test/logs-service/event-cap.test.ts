import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateLogGroupCommand, CreateLogStreamCommand, GetLogEventsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('bounded memory', () => {
  let kit: LogsTestKit;
  const now = Date.now();

  beforeAll(async () => {
    kit = await startLogsTestKit({ maxEventsPerStream: 5, maxBytesPerStream: 10 * (26 + 10) });
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'capped' }));
    await kit.logs.send(new CreateLogStreamCommand({ logGroupName: 'capped', logStreamName: 's' }));
  });

  afterAll(async () => {
    await kit.close();
  });

  it('keeps the newest events of a stream up to the cap and drops the oldest', async () => {
    for (let batch = 0; batch < 3; batch += 1) {
      await kit.logs.send(
        new PutLogEventsCommand({
          logGroupName: 'capped',
          logStreamName: 's',
          logEvents: Array.from({ length: 3 }, (_, i) => ({ timestamp: now + batch * 10 + i, message: `event ${batch * 3 + i}` })),
        }),
      );
    }

    const { events } = await kit.logs.send(new GetLogEventsCommand({ logGroupName: 'capped', logStreamName: 's', startFromHead: true }));

    expect(events?.map((event) => event.message)).toEqual(['event 4', 'event 5', 'event 6', 'event 7', 'event 8']);
  });

  it('also caps the bytes a stream holds', async () => {
    await kit.logs.send(new CreateLogStreamCommand({ logGroupName: 'capped', logStreamName: 'bytes' }));
    await kit.logs.send(
      new PutLogEventsCommand({ logGroupName: 'capped', logStreamName: 'bytes', logEvents: [{ timestamp: now, message: 'x'.repeat(200) }, { timestamp: now, message: 'y'.repeat(200) }] }),
    );

    const { events } = await kit.logs.send(new GetLogEventsCommand({ logGroupName: 'capped', logStreamName: 'bytes' }));

    expect(events?.map((event) => event.message?.charAt(0))).toEqual(['y']);
  });
});
