import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { parseInput } from '../validation.ts';
import { LogGroupNameSchema, LogStreamNameSchema } from './commonSchemas.ts';

const CreateLogStreamInput = z.object({ logGroupName: LogGroupNameSchema, logStreamName: LogStreamNameSchema });

/** CreateLogStream in an existing group. */
export function createLogStream(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(CreateLogStreamInput, input);
  store.createStream(store.requireGroup(request.logGroupName), request.logStreamName);
  return {};
}
