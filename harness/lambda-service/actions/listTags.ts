import type { ListTagsResponse } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireTaggedResource, ResourceArnParam } from './requireTaggedResource.ts';

const ListTagsInput = z.object({ Resource: ResourceArnParam });

/** ListTags of a function or event source mapping ARN: `{Tags: {}}` when it has none. */
export async function listTags(input: unknown, ctx: ActionContext<'location' | 'functions' | 'mappings'>): Promise<ListTagsResponse> {
  const request = parseInput(ListTagsInput, input);
  const resource = requireTaggedResource(ctx, request.Resource);
  return { Tags: { ...resource.tags } } satisfies ListTagsResponse;
}
