import * as z from 'zod';
import { InvalidParameterValueException } from '../errors.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { checkTagCount, TagsSchema } from './commonSchemas.ts';
import { requireTaggedResource, ResourceArnParam } from './requireTaggedResource.ts';

const TagResourceInput = z.object({ Resource: ResourceArnParam, Tags: TagsSchema });

/**
 * TagResource: adds tags to a function or event source mapping, overwriting
 * keys it already has; answers 204. An empty Tags map and more than 50 tags
 * in all are refused (LocalStack parity snapshots `TestLambdaTags::test_tag_exceptions`,
 * `test_tag_limits`, `TestLambdaTag::test_tag_lifecycle[*]`).
 */
export async function tagResource(input: unknown, ctx: ActionContext<'location' | 'functions' | 'mappings'>): Promise<void> {
  const request = parseInput(TagResourceInput, input);
  const resource = requireTaggedResource(ctx, request.Resource);
  if (Object.keys(request.Tags).length === 0) {
    throw new InvalidParameterValueException('An error occurred and the request cannot be processed.', { messageMember: 'message' });
  }
  resource.setTags(checkTagCount({ ...resource.tags, ...request.Tags }));
}
