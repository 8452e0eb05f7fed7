import * as z from 'zod';
import { LOG_GROUP_CLASSES } from '../LogGroup.ts';
import type { LogStore } from '../LogStore.ts';
import { constraint, parseInput } from '../validation.ts';
import { LogGroupNameSchema, TagsSchema } from './commonSchemas.ts';

const CreateLogGroupInput = z.object({
  logGroupName: LogGroupNameSchema,
  kmsKeyId: z.string().max(256, constraint.maxLength(256)).optional(),
  tags: TagsSchema.optional(),
  logGroupClass: z.enum(LOG_GROUP_CLASSES, constraint.enumOf(LOG_GROUP_CLASSES)).optional(),
  deletionProtectionEnabled: z.boolean().optional(),
});

/** CreateLogGroup: ResourceAlreadyExistsException when the name is taken. */
export function createLogGroup(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(CreateLogGroupInput, input);
  store.createGroup({
    name: request.logGroupName,
    tags: request.tags,
    logGroupClass: request.logGroupClass,
    kmsKeyId: request.kmsKeyId,
    deletionProtectionEnabled: request.deletionProtectionEnabled,
  });
  return {};
}
