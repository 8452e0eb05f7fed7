import * as z from 'zod';
import { LimitExceededError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import { checkPolicyDocument, policySize } from '../policyDocument.ts';
import { parseInput } from '../validation.ts';
import { PolicyDocumentSchema, PolicyNameSchema, RoleNameSchema } from './commonSchemas.ts';

const PutRolePolicyInput = z.object({ RoleName: RoleNameSchema, PolicyName: PolicyNameSchema, PolicyDocument: PolicyDocumentSchema });

/** IAM quota: the inline policies of one role hold at most 10240 characters, white space not counted. */
const INLINE_POLICY_QUOTA = 10240;

/** PutRolePolicy: creates or replaces an inline policy (stored as sent, not enforced). */
export function putRolePolicy(input: unknown, store: IamStore): undefined {
  const request = parseInput(PutRolePolicyInput, input);
  const document = checkPolicyDocument(request.PolicyDocument);
  const role = store.roles.require(request.RoleName);
  const others = [...role.inlinePolicies].filter(([name]) => name !== request.PolicyName);
  const total = others.reduce((sum, [, other]) => sum + policySize(other), policySize(document));
  if (total > INLINE_POLICY_QUOTA) {
    throw new LimitExceededError(`Maximum policy size of ${INLINE_POLICY_QUOTA} bytes exceeded for role ${role.name}`);
  }
  role.inlinePolicies.set(request.PolicyName, document);
  return undefined;
}
