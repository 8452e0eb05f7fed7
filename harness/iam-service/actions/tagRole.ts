import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { TagListSchema } from '../tags.ts';
import { parseInput } from '../validation.ts';
import { RoleNameSchema } from './commonSchemas.ts';

const TagRoleInput = z.object({ RoleName: RoleNameSchema, Tags: TagListSchema });

/** TagRole: adds or replaces tags (keys case-insensitive, at most 50 per role). */
export function tagRole(input: unknown, store: IamStore): undefined {
  const request = parseInput(TagRoleInput, input);
  store.roles.require(request.RoleName).tags.put(request.Tags);
  return undefined;
}
