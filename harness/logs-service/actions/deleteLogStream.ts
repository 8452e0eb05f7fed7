import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { parseInput } from '../validation.ts';
import { LogGroupNameSchema, LogStreamNameSchema } from './commonSchemas.ts';

const DeleteLogStreamInput = z.object({ logGroupName: LogGroupNameSchema, logStreamName: LogStreamNameSchema });

/** DeleteLogStream with its events. */
export function deleteLogStream(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(DeleteLogStreamInput, input);
  const group = store.requireGroup(request.logGroupName);
  store.requireStream(group, request.logStreamName);
  group.streams.delete(request.logStreamName);
  return {};
}
