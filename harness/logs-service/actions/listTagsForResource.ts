import type { ListTagsForResourceResponse } from '@aws-sdk/client-cloudwatch-logs';
import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { constraint, parseInput } from '../validation.ts';
import { requireTaggedGroup, tagsOf } from './tagging.ts';

const ListTagsForResourceInput = z.object({
  resourceArn: z.string().min(1, constraint.minLength(1)).max(1011, constraint.maxLength(1011)),
});

/** ListTagsForResource: what the Terraform provider reads a log group's tags with. */
export function listTagsForResource(input: unknown, store: LogStore): ListTagsForResourceResponse {
  const request = parseInput(ListTagsForResourceInput, input);
  return { tags: tagsOf(requireTaggedGroup(store, request.resourceArn)) } satisfies ListTagsForResourceResponse;
}
