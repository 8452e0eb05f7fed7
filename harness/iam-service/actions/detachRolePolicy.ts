import * as z from 'zod';
import { NoSuchEntityError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import { parseInput } from '../validation.ts';
import { checkPolicyArn } from './checkPolicyArn.ts';
import { ArnSchema, RoleNameSchema } from './commonSchemas.ts';

const DetachRolePolicyInput = z.object({ RoleName: RoleNameSchema, PolicyArn: ArnSchema });

/** DetachRolePolicy: NoSuchEntity "Policy <arn> was not found." when it is not attached to the role. */
export function detachRolePolicy(input: unknown, store: IamStore): undefined {
  const request = parseInput(DetachRolePolicyInput, input);
  checkPolicyArn(request.PolicyArn);
  const role = store.roles.require(request.RoleName);
  if (!role.attachedPolicyArns.delete(request.PolicyArn)) {
    throw NoSuchEntityError.policy(request.PolicyArn);
  }
  const policy = store.policies.find(request.PolicyArn);
  if (policy) {
    policy.attachmentCount -= 1;
  }
  return undefined;
}
