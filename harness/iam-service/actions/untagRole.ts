import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { TagKeyListSchema } from '../tags.ts';
import { parseInput } from '../validation.ts';
import { RoleNameSchema } from './commonSchemas.ts';

const UntagRoleInput = z.object({ RoleName: RoleNameSchema, TagKeys: TagKeyListSchema });

/** UntagRole: removes the tags of these keys; keys the role lacks are ignored. */
export function untagRole(input: unknown, store: IamStore): undefined {
  const request = parseInput(UntagRoleInput, input);
  store.roles.require(request.RoleName).tags.remove(request.TagKeys);
  return undefined;
}
