import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { parseInput } from '../validation.ts';
import { LogGroupNameSchema, TagKeyListSchema } from './commonSchemas.ts';
import { removeTags } from './tagging.ts';

/** The deprecated action names its list of keys `tags`. */
const UntagLogGroupInput = z.object({ logGroupName: LogGroupNameSchema, tags: TagKeyListSchema });

/** UntagLogGroup (deprecated in favour of UntagResource). */
export function untagLogGroup(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(UntagLogGroupInput, input);
  removeTags(store.requireGroup(request.logGroupName), request.tags);
  return {};
}
