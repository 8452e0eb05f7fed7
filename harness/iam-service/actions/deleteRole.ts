import * as z from 'zod';
import { DeleteConflictError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import { setBoundary } from '../roles/permissionsBoundary.ts';
import { parseInput } from '../validation.ts';
import { RoleNameSchema } from './commonSchemas.ts';

const DeleteRoleInput = z.object({ RoleName: RoleNameSchema });

/**
 * DeleteRole: refused with DeleteConflict while managed policies are attached
 * ("must detach all policies first") or inline policies remain ("must delete
 * policies first"), as on AWS (LocalStack `test_delete_role_with_attached_policy`,
 * `test_delete_role_with_inline_policy`).
 */
export function deleteRole(input: unknown, store: IamStore): undefined {
  const request = parseInput(DeleteRoleInput, input);
  const role = store.roles.require(request.RoleName);
  if (role.attachedPolicyArns.size > 0) {
    throw DeleteConflictError.attachedPolicies();
  }
  if (role.inlinePolicies.size > 0) {
    throw DeleteConflictError.inlinePolicies();
  }
  setBoundary(store, role, undefined);
  store.roles.remove(role.name);
  return undefined;
}
