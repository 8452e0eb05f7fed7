import * as z from 'zod';
import { DeleteConflictError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import { parseInput } from '../validation.ts';
import { checkPolicyArn } from './checkPolicyArn.ts';
import { ArnSchema } from './commonSchemas.ts';

const DeletePolicyInput = z.object({ PolicyArn: ArnSchema });

/** DeletePolicy: refused while the policy is attached or used as a boundary, or has versions besides the default. */
export function deletePolicy(input: unknown, store: IamStore): undefined {
  const request = parseInput(DeletePolicyInput, input);
  checkPolicyArn(request.PolicyArn);
  const policy = store.policies.require(request.PolicyArn);
  if (policy.attachmentCount > 0 || policy.permissionsBoundaryUsageCount > 0) {
    throw DeleteConflictError.policyAttached();
  }
  if (policy.versions.length > 1) {
    throw DeleteConflictError.policyVersions();
  }
  store.policies.remove(policy.arn);
  return undefined;
}
