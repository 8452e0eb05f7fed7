import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { parseInput } from '../validation.ts';
import { LogGroupNameSchema } from './commonSchemas.ts';

const DeleteLogGroupInput = z.object({ logGroupName: LogGroupNameSchema });

/** DeleteLogGroup: the group with its streams and events. */
export function deleteLogGroup(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(DeleteLogGroupInput, input);
  store.deleteGroup(request.logGroupName);
  return {};
}
