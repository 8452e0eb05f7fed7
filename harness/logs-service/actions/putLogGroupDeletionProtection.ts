import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { parseInput } from '../validation.ts';
import { logGroupNameOf } from '../arns.ts';
import { LogGroupIdentifierSchema } from './commonSchemas.ts';

const PutLogGroupDeletionProtectionInput = z.object({
  logGroupIdentifier: LogGroupIdentifierSchema,
  deletionProtectionEnabled: z.boolean(),
});

/** PutLogGroupDeletionProtection: while enabled, DeleteLogGroup is refused. */
export function putLogGroupDeletionProtection(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(PutLogGroupDeletionProtectionInput, input);
  const group = store.requireGroup(logGroupNameOf(store.location, request.logGroupIdentifier));
  group.deletionProtectionEnabled = request.deletionProtectionEnabled;
  return {};
}
