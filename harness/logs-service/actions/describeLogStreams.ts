import type { DescribeLogStreamsResponse, LogStream as LogStreamShape } from '@aws-sdk/client-cloudwatch-logs';
import * as z from 'zod';
import { InvalidParameterException } from '../errors.ts';
import type { LogStore } from '../LogStore.ts';
import type { LogStream } from '../LogStream.ts';
import { compareSortKeys, pageAfter, type SortKey } from '../pagination.ts';
import { constraint, parseInput } from '../validation.ts';
import { limitSchema, LogGroupIdentifierSchema, LogGroupNameSchema, NextTokenSchema, requireNamedGroup } from './commonSchemas.ts';

const ORDER_BY = ['LogStreamName', 'LastEventTime'] as const;

const DescribeLogStreamsInput = z.object({
  logGroupName: LogGroupNameSchema.optional(),
  logGroupIdentifier: LogGroupIdentifierSchema.optional(),
  logStreamNamePrefix: z.string().min(1, constraint.minLength(1)).max(512, constraint.maxLength(512)).optional(),
  orderBy: z.enum(ORDER_BY, constraint.enumOf(ORDER_BY)).optional(),
  descending: z.boolean().optional(),
  nextToken: NextTokenSchema.optional(),
  limit: limitSchema(50).optional(),
});

/**
 * DescribeLogStreams, 50 a page, by name (default) or by last event time,
 * ascending unless `descending`. AWS refuses a prefix with LastEventTime.
 */
export function describeLogStreams(input: unknown, store: LogStore): DescribeLogStreamsResponse {
  const request = parseInput(DescribeLogStreamsInput, input);
  const group = requireNamedGroup(store, request);
  const byTime = request.orderBy === 'LastEventTime';
  if (byTime && request.logStreamNamePrefix !== undefined) {
    throw new InvalidParameterException('Cannot order by LastEventTime with a logStreamNamePrefix.');
  }
  const keyOf = (stream: LogStream): SortKey => (byTime ? [stream.lastEventTimestamp ?? 0, stream.name] : [stream.name]);
  const sign = request.descending ? -1 : 1;
  const streams = [...group.streams.values()]
    .filter((stream) => request.logStreamNamePrefix === undefined || stream.name.startsWith(request.logStreamNamePrefix))
    .sort((a, b) => sign * compareSortKeys(keyOf(a), keyOf(b)));
  const { page, nextToken } = pageAfter(streams, keyOf, {
    nextToken: request.nextToken,
    limit: request.limit ?? 50,
    descending: request.descending,
  });
  return { logStreams: page.map(describeStream), ...(nextToken ? { nextToken } : {}) } satisfies DescribeLogStreamsResponse;
}

/** A stream as DescribeLogStreams shows it; storedBytes is always 0 (deprecated, as on AWS). */
function describeStream(stream: LogStream): LogStreamShape {
  return {
    logStreamName: stream.name,
    creationTime: stream.creationTime,
    ...(stream.firstEventTimestamp !== undefined ? { firstEventTimestamp: stream.firstEventTimestamp } : {}),
    ...(stream.lastEventTimestamp !== undefined ? { lastEventTimestamp: stream.lastEventTimestamp } : {}),
    ...(stream.lastIngestionTime !== undefined ? { lastIngestionTime: stream.lastIngestionTime } : {}),
    arn: stream.arn,
    storedBytes: 0,
  } satisfies LogStreamShape;
}
