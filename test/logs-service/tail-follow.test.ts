import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateLogGroupCommand, CreateLogStreamCommand, FilterLogEventsCommand, type FilteredLogEvent, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

/**
 * What `aws logs tail --follow` does (aws/aws-cli awscli/customizations/logs/tail.py,
 * FollowLogEventsGenerator): FilterLogEvents with `interleaved`, nextToken while
 * there is one, then a new query from the newest timestamp seen, printing only
 * event ids it has not printed.
 */
class Follower {
  readonly printed: string[] = [];
  readonly #kit: LogsTestKit;
  readonly #query: { logGroupName: string; interleaved: boolean; startTime: number; nextToken?: string };
  #seenAtNewest = new Map<number, Set<string>>();

  constructor(kit: LogsTestKit, logGroupName: string, startTime: number) {
    this.#kit = kit;
    this.#query = { logGroupName, interleaved: true, startTime };
  }

  /** One poll: pages until FilterLogEvents gives no nextToken, as the CLI does between sleeps. */
  async poll(): Promise<void> {
    for (;;) {
      const response = await this.#kit.logs.send(new FilterLogEventsCommand(this.#query));
      for (const event of response.events ?? []) {
        this.#print(event);
      }
      // Keep only the ids of the newest timestamp (tail.py _get_latest_events_and_timestamp).
      const newest = this.#seenAtNewest.size > 0 ? Math.max(...this.#seenAtNewest.keys()) : undefined;
      if (newest !== undefined) {
        this.#seenAtNewest = new Map([[newest, this.#seenAtNewest.get(newest) ?? new Set()]]);
      }
      if (response.nextToken) {
        this.#query.nextToken = response.nextToken;
        continue;
      }
      delete this.#query.nextToken;
      this.#query.startTime = newest ?? this.#query.startTime;
      return;
    }
  }

  #print(event: FilteredLogEvent): void {
    const timestamp = event.timestamp ?? 0;
    const ids = this.#seenAtNewest.get(timestamp) ?? new Set<string>();
    this.#seenAtNewest.set(timestamp, ids);
    if (!ids.has(event.eventId ?? '')) {
      ids.add(event.eventId ?? '');
      this.printed.push(event.message ?? '');
    }
  }
}

describe('aws logs tail --follow', () => {
  let kit: LogsTestKit;
  const now = Date.now();
  const put = (stream: string, logEvents: { timestamp: number; message: string }[]) =>
    kit.logs.send(new PutLogEventsCommand({ logGroupName: 'tailed', logStreamName: stream, logEvents }));

  beforeAll(async () => {
    kit = await startLogsTestKit();
    await kit.logs.send(new CreateLogGroupCommand({ logGroupName: 'tailed' }));
    await kit.logs.send(new CreateLogStreamCommand({ logGroupName: 'tailed', logStreamName: 'one' }));
    await kit.logs.send(new CreateLogStreamCommand({ logGroupName: 'tailed', logStreamName: 'two' }));
  });

  afterAll(async () => {
    await kit.close();
  });

  it('prints every event once, including later events with the newest timestamp seen so far', async () => {
    const follower = new Follower(kit, 'tailed', now - 10_000);
    await put('one', [{ timestamp: now - 5000, message: 'first' }, { timestamp: now - 1000, message: 'second' }]);
    await follower.poll();

    // Same timestamp as the newest printed: the next poll starts at that timestamp and must not print 'second' again.
    await put('two', [{ timestamp: now - 1000, message: 'same millisecond' }, { timestamp: now, message: 'third' }]);
    await follower.poll();
    await follower.poll();

    expect(follower.printed).toEqual(['first', 'second', 'same millisecond', 'third']);
  });
});
