import { CloudWatchLogsClient, ResourceNotFoundException, paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import { lambdaLogGroupName } from '../aws/lambdaLogGroupName.ts';
import type { LambdaLogEvent } from './types.ts';

export interface LambdaLogQuery {
  /** Most recent lines to return; default 100. */
  limit?: number;
  /** Only lines at most this old; default one hour. */
  lookbackMs?: number;
  /** Stop paging after this many pages, so a busy log group on AWS cannot stall a failing spec. */
  maxPages?: number;
  now?: () => number;
}

/**
 * The function's recent log lines, oldest first, read with FilterLogEvents over all its streams.
 * A function that never ran has no log group yet: that is no lines, not an error.
 */
export async function readLambdaLogs(client: CloudWatchLogsClient, functionName: string, query: LambdaLogQuery = {}): Promise<string[]> {
  return (await readLambdaLogEvents(client, functionName, query)).map((event) => event.message);
}

/** As {@link readLambdaLogs}, each line with the time CloudWatch Logs gives its event. */
export async function readLambdaLogEvents(client: CloudWatchLogsClient, functionName: string, query: LambdaLogQuery = {}): Promise<LambdaLogEvent[]> {
  const limit = query.limit ?? 100;
  const now = query.now ?? Date.now;
  const events: LambdaLogEvent[] = [];
  const pages = paginateFilterLogEvents({ client }, {
    logGroupName: lambdaLogGroupName(functionName),
    startTime: now() - (query.lookbackMs ?? 3_600_000),
  });
  let pageCount = 0;
  try {
    for await (const page of pages) {
      for (const event of page.events ?? []) {
        events.push({
          timestamp: event.timestamp ?? 0,
          message: (event.message ?? '').replace(/\r?\n$/, ''),
          ...(event.logStreamName ? { logStreamName: event.logStreamName } : {}),
        });
      }
      pageCount += 1;
      if (pageCount >= (query.maxPages ?? 20)) break;
    }
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return [];
    throw error;
  }
  // Streams interleave; a stable sort keeps each stream's own order for equal timestamps.
  events.sort((a, b) => a.timestamp - b.timestamp);
  return limit > 0 ? events.slice(-limit) : [];
}
