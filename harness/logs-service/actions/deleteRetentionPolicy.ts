import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { parseInput } from '../validation.ts';
import { LogGroupNameSchema } from './commonSchemas.ts';

const DeleteRetentionPolicyInput = z.object({ logGroupName: LogGroupNameSchema });

/** DeleteRetentionPolicy: the group keeps its events forever again. */
export function deleteRetentionPolicy(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(DeleteRetentionPolicyInput, input);
  store.requireGroup(request.logGroupName).retentionInDays = undefined;
  return {};
}
