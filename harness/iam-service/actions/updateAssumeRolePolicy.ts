import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { checkPolicyDocument } from '../policyDocument.ts';
import { parseInput } from '../validation.ts';
import { PolicyDocumentSchema, RoleNameSchema } from './commonSchemas.ts';

const UpdateAssumeRolePolicyInput = z.object({ RoleName: RoleNameSchema, PolicyDocument: PolicyDocumentSchema });

/** UpdateAssumeRolePolicy: replaces the trust policy (MalformedPolicyDocument when it is not JSON). */
export function updateAssumeRolePolicy(input: unknown, store: IamStore): undefined {
  const request = parseInput(UpdateAssumeRolePolicyInput, input);
  const document = checkPolicyDocument(request.PolicyDocument);
  store.roles.require(request.RoleName).assumeRolePolicyDocument = document;
  return undefined;
}
