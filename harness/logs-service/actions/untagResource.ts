import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { constraint, parseInput } from '../validation.ts';
import { TagKeyListSchema } from './commonSchemas.ts';
import { removeTags, requireTaggedGroup } from './tagging.ts';

const UntagResourceInput = z.object({
  resourceArn: z.string().min(1, constraint.minLength(1)).max(1011, constraint.maxLength(1011)),
  tagKeys: TagKeyListSchema,
});

/** UntagResource: removes tag keys (absent keys are no error). */
export function untagResource(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(UntagResourceInput, input);
  removeTags(requireTaggedGroup(store, request.resourceArn), request.tagKeys);
  return {};
}
