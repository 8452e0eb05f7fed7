import type { ListTagsLogGroupResponse } from '@aws-sdk/client-cloudwatch-logs';
import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { parseInput } from '../validation.ts';
import { LogGroupNameSchema } from './commonSchemas.ts';
import { tagsOf } from './tagging.ts';

const ListTagsLogGroupInput = z.object({ logGroupName: LogGroupNameSchema });

/** ListTagsLogGroup (deprecated in favour of ListTagsForResource). */
export function listTagsLogGroup(input: unknown, store: LogStore): ListTagsLogGroupResponse {
  const request = parseInput(ListTagsLogGroupInput, input);
  return { tags: tagsOf(store.requireGroup(request.logGroupName)) } satisfies ListTagsLogGroupResponse;
}
