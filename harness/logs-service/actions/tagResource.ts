import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { constraint, parseInput } from '../validation.ts';
import { TagsSchema } from './commonSchemas.ts';
import { addTags, requireTaggedGroup } from './tagging.ts';

const TagResourceInput = z.object({
  resourceArn: z.string().min(1, constraint.minLength(1)).max(1011, constraint.maxLength(1011)),
  tags: TagsSchema,
});

/** TagResource: tags a log group by its ARN (with or without `:*`). */
export function tagResource(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(TagResourceInput, input);
  addTags(requireTaggedGroup(store, request.resourceArn), request.tags);
  return {};
}
