import * as z from 'zod';
import { isAwsManagedPolicyArn } from '../arns.ts';
import { LimitExceededError, NoSuchEntityError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import { parseInput } from '../validation.ts';
import { checkPolicyArn } from './checkPolicyArn.ts';
import { ArnSchema, RoleNameSchema } from './commonSchemas.ts';

const AttachRolePolicyInput = z.object({ RoleName: RoleNameSchema, PolicyArn: ArnSchema });

/** IAM quota: managed policies attached to one role (default). */
const MAX_ATTACHED = 10;

/**
 * AttachRolePolicy: a customer managed policy of this service, or any AWS
 * managed one (`arn:aws:iam::aws:policy/...`, taken on trust). Attaching an
 * attached policy again changes nothing, as on AWS.
 */
export function attachRolePolicy(input: unknown, store: IamStore): undefined {
  const request = parseInput(AttachRolePolicyInput, input);
  checkPolicyArn(request.PolicyArn);
  const role = store.roles.require(request.RoleName);
  const policy = store.policies.find(request.PolicyArn);
  if (!policy && !isAwsManagedPolicyArn(request.PolicyArn)) {
    throw NoSuchEntityError.notAttachable(request.PolicyArn);
  }
  if (role.attachedPolicyArns.has(request.PolicyArn)) {
    return undefined;
  }
  if (role.attachedPolicyArns.size >= MAX_ATTACHED) {
    throw LimitExceededError.quota('PoliciesPerRole', MAX_ATTACHED);
  }
  role.attachedPolicyArns.add(request.PolicyArn);
  if (policy) {
    policy.attachmentCount += 1;
  }
  return undefined;
}
