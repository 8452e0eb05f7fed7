import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { parseInput } from '../validation.ts';
import { LogGroupNameSchema, TagsSchema } from './commonSchemas.ts';
import { addTags } from './tagging.ts';

const TagLogGroupInput = z.object({ logGroupName: LogGroupNameSchema, tags: TagsSchema });

/** TagLogGroup (deprecated in favour of TagResource, still answered by AWS). */
export function tagLogGroup(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(TagLogGroupInput, input);
  addTags(store.requireGroup(request.logGroupName), request.tags);
  return {};
}
