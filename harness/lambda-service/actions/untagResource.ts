import * as z from 'zod';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireTaggedResource, ResourceArnParam } from './requireTaggedResource.ts';

const UntagResourceInput = z.object({
  Resource: ResourceArnParam,
  // A repeated query parameter (`?tagKeys=a&tagKeys=b`): one value arrives as a string.
  tagKeys: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.string())),
});

/**
 * UntagResource: removes the keys given; unknown keys are no error; answers
 * 204. No key at all is a ValidationException (LocalStack parity snapshot
 * `TestLambdaTags::test_tag_exceptions`: "Value null at 'tagKeys' ...").
 */
export async function untagResource(input: unknown, ctx: ActionContext<'location' | 'functions' | 'mappings'>): Promise<void> {
  const request = parseInput(UntagResourceInput, input);
  const resource = requireTaggedResource(ctx, request.Resource);
  const removed = new Set(request.tagKeys);
  resource.setTags(Object.fromEntries(Object.entries(resource.tags).filter(([key]) => !removed.has(key))));
}
