import type { FilteredLogEvent, FilterLogEventsResponse } from '@aws-sdk/client-cloudwatch-logs';
import * as z from 'zod';
import { InvalidParameterException } from '../errors.ts';
import { compareKeys, eventIdOf, indexAfter, indexAtTime } from '../eventKeys.ts';
import { compileFilterPattern, type MessageMatcher } from '../filterPattern.ts';
import type { LogStore } from '../LogStore.ts';
import type { LogStream } from '../LogStream.ts';
import { decodeToken, encodeToken } from '../pagination.ts';
import type { EventKey, StoredEvent } from '../types.ts';
import { constraint, parseInput } from '../validation.ts';
import {
  limitSchema,
  LogGroupIdentifierSchema,
  LogGroupNameSchema,
  LogStreamNameSchema,
  NextTokenSchema,
  requireNamedGroup,
  TimestampSchema,
} from './commonSchemas.ts';
import { MAX_RESPONSE_BYTES } from './getLogEvents.ts';

const FilterLogEventsInput = z.object({
  logGroupName: LogGroupNameSchema.optional(),
  logGroupIdentifier: LogGroupIdentifierSchema.optional(),
  logStreamNames: z.array(LogStreamNameSchema).min(1, constraint.minLength(1)).max(100, constraint.maxLength(100)).optional(),
  logStreamNamePrefix: z.string().min(1, constraint.minLength(1)).max(512, constraint.maxLength(512)).optional(),
  startTime: TimestampSchema.optional(),
  endTime: TimestampSchema.optional(),
  filterPattern: z.string().max(1024, constraint.maxLength(1024)).optional(),
  nextToken: NextTokenSchema.optional(),
  limit: limitSchema(10_000).optional(),
  startFromHead: z.boolean().optional(),
  // Ignored by AWS since 2019 (results are always interleaved); `aws logs tail` still sends it.
  interleaved: z.boolean().optional(),
  unmask: z.boolean().optional(),
});

/** The earliest startTime a newest-first search accepts (FilterLogEvents API reference). */
const NEWEST_FIRST_SINCE = Date.UTC(2024, 0, 1);

/** A matching event and the stream it is in. */
interface Hit {
  event: StoredEvent;
  stream: LogStream;
}

/**
 * FilterLogEvents across a group's streams (all, the named ones, or those
 * with a prefix), interleaved in time order (newest first when
 * `startFromHead` is false), startTime and endTime inclusive, matching the
 * filter pattern; at most `limit` events and 1 MB a page, with a nextToken
 * only while more follow. `aws logs tail` pages through it and `--follow`
 * polls it with the newest timestamp seen, skipping event ids it printed.
 */
export function filterLogEvents(input: unknown, store: LogStore): FilterLogEventsResponse {
  const request = parseInput(FilterLogEventsInput, input);
  const group = requireNamedGroup(store, request);
  if (request.logStreamNames !== undefined && request.logStreamNamePrefix !== undefined) {
    throw new InvalidParameterException('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  }
  const matches = compileFilterPattern(request.filterPattern);
  const cursor = request.nextToken === undefined ? undefined : decodeCursor(request.nextToken);
  const newestFirst = cursor ? cursor.direction === 'b' : request.startFromHead === false;
  if (newestFirst && !cursor && request.startTime !== undefined && request.startTime < NEWEST_FIRST_SINCE) {
    throw new InvalidParameterException('startFromHead false requires a startTime on or after Jan 1, 2024 00:00:00 UTC.');
  }
  const streams = selectStreams([...group.streams.values()], request);
  const limit = request.limit ?? 10_000;
  const window = { startTime: request.startTime, endTime: request.endTime, after: cursor?.key, matches, take: limit + 1 };
  const hits = streams.flatMap((stream) => (newestFirst ? scanBackward(stream, window) : scanForward(stream, window)));
  const sign = newestFirst ? -1 : 1;
  hits.sort((a, b) => sign * compareKeys(a.event, b.event));

  const page: Hit[] = [];
  let bytes = 0;
  for (const hit of hits) {
    if (page.length >= limit || (page.length > 0 && bytes + hit.event.size > MAX_RESPONSE_BYTES)) {
      break;
    }
    bytes += hit.event.size;
    page.push(hit);
  }
  const last = page.at(-1);
  const more = hits.length > page.length && last !== undefined;
  return {
    events: page.map(
      ({ event, stream }) =>
        ({
          logStreamName: stream.name,
          timestamp: event.timestamp,
          message: event.message,
          ingestionTime: event.ingestionTime,
          eventId: eventIdOf(event),
        }) satisfies FilteredLogEvent,
    ),
    // No longer supported by AWS: always an empty list.
    searchedLogStreams: [],
    ...(more ? { nextToken: encodeToken([newestFirst ? 'b' : 'f', last.event.timestamp, last.event.seq]) } : {}),
  } satisfies FilterLogEventsResponse;
}

function selectStreams(streams: LogStream[], request: { logStreamNames?: string[]; logStreamNamePrefix?: string }): LogStream[] {
  const { logStreamNames: names, logStreamNamePrefix: prefix } = request;
  return streams.filter((stream) => (names === undefined || names.includes(stream.name)) && (prefix === undefined || stream.name.startsWith(prefix)));
}

interface Window {
  startTime: number | undefined;
  endTime: number | undefined;
  /** The key of the last event of the previous page. */
  after: EventKey | undefined;
  matches: MessageMatcher;
  /** Enough hits per stream to fill a page and know whether more follow. */
  take: number;
}

function scanForward(stream: LogStream, window: Window): Hit[] {
  const events = stream.events;
  let i = Math.max(window.startTime === undefined ? 0 : indexAtTime(events, window.startTime), window.after ? indexAfter(events, window.after) : 0);
  const hits: Hit[] = [];
  for (; i < events.length && hits.length < window.take; i += 1) {
    const event = events[i];
    if (event === undefined || (window.endTime !== undefined && event.timestamp > window.endTime)) {
      break;
    }
    if (window.matches(event.message)) {
      hits.push({ event, stream });
    }
  }
  return hits;
}

function scanBackward(stream: LogStream, window: Window): Hit[] {
  const events = stream.events;
  const end = window.endTime === undefined ? events.length : indexAtTime(events, window.endTime + 1);
  const low = window.startTime === undefined ? 0 : indexAtTime(events, window.startTime);
  // Events strictly before the previous page's last one (keys are unique integers).
  const before = window.after ? indexAfter(events, { timestamp: window.after.timestamp, seq: window.after.seq - 1 }) : end;
  let i = Math.min(end, before) - 1;
  const hits: Hit[] = [];
  for (; i >= low && hits.length < window.take; i -= 1) {
    const event = events[i];
    if (event !== undefined && window.matches(event.message)) {
      hits.push({ event, stream });
    }
  }
  return hits;
}

function decodeCursor(token: string): { direction: 'f' | 'b'; key: EventKey } {
  const [direction, timestamp, seq] = decodeToken(token);
  if ((direction !== 'f' && direction !== 'b') || typeof timestamp !== 'number' || typeof seq !== 'number') {
    throw InvalidParameterException.nextToken();
  }
  return { direction, key: { timestamp, seq } };
}
