import type { GetRolePolicyResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import { NoSuchEntityError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import { encodePolicyDocument } from '../policyDocument.ts';
import { parseInput } from '../validation.ts';
import { PolicyNameSchema, RoleNameSchema } from './commonSchemas.ts';

const GetRolePolicyInput = z.object({ RoleName: RoleNameSchema, PolicyName: PolicyNameSchema });

/** GetRolePolicy: the inline policy, its document URL-encoded as IAM returns it. */
export function getRolePolicy(input: unknown, store: IamStore): GetRolePolicyResponse {
  const request = parseInput(GetRolePolicyInput, input);
  const role = store.roles.require(request.RoleName);
  const document = role.inlinePolicies.get(request.PolicyName);
  if (document === undefined) {
    throw NoSuchEntityError.rolePolicy(request.PolicyName);
  }
  return {
    RoleName: role.name,
    PolicyName: request.PolicyName,
    PolicyDocument: encodePolicyDocument(document),
  } satisfies GetRolePolicyResponse;
}
