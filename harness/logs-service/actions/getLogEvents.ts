import type { GetLogEventsResponse, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import * as z from 'zod';
import { InvalidParameterException } from '../errors.ts';
import { eventIdOf, indexAfter, indexAtTime, keyOfEventId } from '../eventKeys.ts';
import type { LogStore } from '../LogStore.ts';
import type { EventKey, StoredEvent } from '../types.ts';
import { parseInput } from '../validation.ts';
import {
  limitSchema,
  LogGroupIdentifierSchema,
  LogGroupNameSchema,
  LogStreamNameSchema,
  NextTokenSchema,
  requireNamedGroup,
  TimestampSchema,
} from './commonSchemas.ts';

/** A response holds at most 1 MB of events (GetLogEvents API reference). */
export const MAX_RESPONSE_BYTES = 1_048_576;

const GetLogEventsInput = z.object({
  logGroupName: LogGroupNameSchema.optional(),
  logGroupIdentifier: LogGroupIdentifierSchema.optional(),
  logStreamName: LogStreamNameSchema,
  startTime: TimestampSchema.optional(),
  endTime: TimestampSchema.optional(),
  nextToken: NextTokenSchema.optional(),
  limit: limitSchema(10_000).optional(),
  startFromHead: z.boolean().optional(),
  unmask: z.boolean().optional(),
});

type Direction = 'f' | 'b';

/**
 * GetLogEvents of one stream, in time order: the newest `limit` events
 * unless `startFromHead` (or a token) says otherwise; startTime inclusive,
 * endTime exclusive. `nextForwardToken` (`f/...`) continues after the last
 * event returned and `nextBackwardToken` (`b/...`) before the first; at the
 * end of the stream the token passed in comes back, which is how clients
 * know to stop (or, polling, to wait).
 */
export function getLogEvents(input: unknown, store: LogStore): GetLogEventsResponse {
  const request = parseInput(GetLogEventsInput, input);
  const group = requireNamedGroup(store, request);
  const events = store.requireStream(group, request.logStreamName).events;
  const low = request.startTime === undefined ? 0 : indexAtTime(events, request.startTime);
  const high = request.endTime === undefined ? events.length : indexAtTime(events, request.endTime);
  const limit = request.limit ?? 10_000;

  const token = request.nextToken === undefined ? undefined : decodeStreamToken(request.nextToken);
  const direction: Direction = token?.direction ?? (request.startFromHead ? 'f' : 'b');
  let page: StoredEvent[];
  if (direction === 'f') {
    const from = Math.max(low, token ? indexAfter(events, token.key) : low);
    page = takeForward(events, from, high, limit);
  } else {
    const to = Math.min(high, token ? indexAfter(events, token.key) : high);
    page = takeBackward(events, low, to, limit);
  }

  const first = page[0];
  const last = page.at(-1);
  const here: EventKey = token?.key ?? { timestamp: request.startTime ?? 0, seq: 0 };
  return {
    events: page.map(
      (event) => ({ timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime }) satisfies OutputLogEvent,
    ),
    nextForwardToken: encodeStreamToken('f', last ?? here),
    nextBackwardToken: encodeStreamToken('b', first ? { timestamp: first.timestamp, seq: first.seq - 1 } : here),
  } satisfies GetLogEventsResponse;
}

function takeForward(events: readonly StoredEvent[], from: number, to: number, limit: number): StoredEvent[] {
  const page: StoredEvent[] = [];
  let bytes = 0;
  for (let i = from; i < to && page.length < limit; i += 1) {
    const event = events[i];
    if (event === undefined || (page.length > 0 && bytes + event.size > MAX_RESPONSE_BYTES)) {
      break;
    }
    bytes += event.size;
    page.push(event);
  }
  return page;
}

function takeBackward(events: readonly StoredEvent[], from: number, to: number, limit: number): StoredEvent[] {
  const page: StoredEvent[] = [];
  let bytes = 0;
  for (let i = to - 1; i >= from && page.length < limit; i -= 1) {
    const event = events[i];
    if (event === undefined || (page.length > 0 && bytes + event.size > MAX_RESPONSE_BYTES)) {
      break;
    }
    bytes += event.size;
    page.push(event);
  }
  return page.reverse();
}

/** `f/<56 digits>` or `b/<56 digits>`: a direction and the key of the boundary (events after it, or up to it). */
function encodeStreamToken(direction: Direction, key: EventKey): string {
  return `${direction}/${eventIdOf(key)}`;
}

function decodeStreamToken(token: string): { direction: Direction; key: EventKey } {
  const direction = token.charAt(0);
  const key = token.charAt(1) === '/' ? keyOfEventId(token.slice(2)) : undefined;
  if ((direction !== 'f' && direction !== 'b') || key === undefined) {
    throw InvalidParameterException.nextToken();
  }
  return { direction, key };
}
