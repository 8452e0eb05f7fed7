import * as z from 'zod';
import { NoSuchEntityError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import { parseInput } from '../validation.ts';
import { PolicyNameSchema, RoleNameSchema } from './commonSchemas.ts';

const DeleteRolePolicyInput = z.object({ RoleName: RoleNameSchema, PolicyName: PolicyNameSchema });

/** DeleteRolePolicy: removes an inline policy; NoSuchEntity for the role or the policy. */
export function deleteRolePolicy(input: unknown, store: IamStore): undefined {
  const request = parseInput(DeleteRolePolicyInput, input);
  const role = store.roles.require(request.RoleName);
  if (!role.inlinePolicies.delete(request.PolicyName)) {
    throw NoSuchEntityError.rolePolicy(request.PolicyName);
  }
  return undefined;
}
