import type { PutLogEventsResponse, RejectedLogEventsInfo } from '@aws-sdk/client-cloudwatch-logs';
import * as z from 'zod';
import { InvalidParameterException } from '../errors.ts';
import { eventIdOf } from '../eventKeys.ts';
import { eventSize, type LogStore } from '../LogStore.ts';
import { constraint, parseInput } from '../validation.ts';
import { LogGroupNameSchema, LogStreamNameSchema, TimestampSchema } from './commonSchemas.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The batch limits of the PutLogEvents API reference. */
const MAX_BATCH_BYTES = 1_048_576;
const MAX_BATCH_EVENTS = 10_000;
const TOO_NEW_MS = 2 * HOUR_MS;
const TOO_OLD_MS = 14 * DAY_MS;
const MAX_SPAN_MS = DAY_MS;

const PutLogEventsInput = z.object({
  logGroupName: LogGroupNameSchema,
  logStreamName: LogStreamNameSchema,
  logEvents: z
    .array(z.object({ timestamp: TimestampSchema, message: z.string().min(1, constraint.minLength(1)) }))
    .min(1, constraint.minLength(1))
    .max(MAX_BATCH_EVENTS, constraint.maxLength(MAX_BATCH_EVENTS)),
  // Ignored by AWS since 2023 (never InvalidSequenceTokenException): accepted, ignored.
  sequenceToken: z.string().optional(),
  entity: z.unknown().optional(),
});

/**
 * PutLogEvents as the API reference describes it: events in chronological
 * order (else the whole batch fails), at most 1,048,576 bytes counting 26
 * per event; events more than 2 hours ahead or older than 14 days (or than
 * the group's retention) are rejected and reported in
 * `rejectedLogEventsInfo` while the rest are stored; the stored events may
 * span at most 24 hours.
 */
export function putLogEvents(input: unknown, store: LogStore): PutLogEventsResponse {
  const request = parseInput(PutLogEventsInput, input);
  const group = store.requireGroup(request.logGroupName);
  const stream = store.requireStream(group, request.logStreamName);
  const events = request.logEvents;
  let bytes = 0;
  for (const [index, event] of events.entries()) {
    const previous = events[index - 1];
    if (previous !== undefined && event.timestamp < previous.timestamp) {
      throw new InvalidParameterException('Log events in a single PutLogEvents request must be in chronological order.');
    }
    bytes += eventSize(event.message);
  }
  if (bytes > MAX_BATCH_BYTES) {
    throw new InvalidParameterException(`Upload too large: ${bytes} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
  }

  // Sorted events fall into contiguous runs: too old, expired, accepted, too new.
  const now = store.now();
  const tooOldBefore = now - TOO_OLD_MS;
  const expiredBefore = group.retentionInDays === undefined ? -Infinity : now - group.retentionInDays * DAY_MS;
  const tooOldEnd = countWhile(events, 0, (ts) => ts < tooOldBefore);
  const expiredEnd = countWhile(events, tooOldEnd, (ts) => ts < expiredBefore);
  const tooNewStart = countWhile(events, expiredEnd, (ts) => ts <= now + TOO_NEW_MS);
  const accepted = events.slice(expiredEnd, tooNewStart);
  const first = accepted[0];
  const last = accepted.at(-1);
  if (first !== undefined && last !== undefined && last.timestamp - first.timestamp > MAX_SPAN_MS) {
    throw new InvalidParameterException('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  }
  const stored = store.append(stream, accepted);

  const rejected: RejectedLogEventsInfo = {
    ...(tooOldEnd > 0 ? { tooOldLogEventEndIndex: tooOldEnd } : {}),
    ...(expiredEnd > tooOldEnd ? { expiredLogEventEndIndex: expiredEnd } : {}),
    ...(tooNewStart < events.length ? { tooNewLogEventStartIndex: tooNewStart } : {}),
  };
  const lastStored = stored.at(-1);
  return {
    // Deprecated and ignored, but AWS still returns one.
    nextSequenceToken: eventIdOf(lastStored ?? { timestamp: now, seq: 0 }),
    ...(Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {}),
  } satisfies PutLogEventsResponse;
}

/** The index of the first event from `start` whose timestamp fails `test` (events.length if none). */
function countWhile(events: readonly { timestamp: number }[], start: number, test: (timestamp: number) => boolean): number {
  let index = start;
  while (index < events.length && test(events[index]?.timestamp ?? 0)) {
    index += 1;
  }
  return index;
}
