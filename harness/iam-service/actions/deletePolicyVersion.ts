import * as z from 'zod';
import { DeleteConflictError, NoSuchEntityError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import { parseInput } from '../validation.ts';
import { checkPolicyArn } from './checkPolicyArn.ts';
import { ArnSchema, PolicyVersionIdSchema } from './commonSchemas.ts';

const DeletePolicyVersionInput = z.object({ PolicyArn: ArnSchema, VersionId: PolicyVersionIdSchema });

/** DeletePolicyVersion: any version but the default one. */
export function deletePolicyVersion(input: unknown, store: IamStore): undefined {
  const request = parseInput(DeletePolicyVersionInput, input);
  checkPolicyArn(request.PolicyArn);
  const policy = store.policies.require(request.PolicyArn);
  const index = policy.versions.findIndex((version) => version.versionId === request.VersionId);
  if (index < 0) {
    throw NoSuchEntityError.policyVersion(request.PolicyArn, request.VersionId);
  }
  if (request.VersionId === policy.defaultVersionId) {
    throw DeleteConflictError.defaultVersion();
  }
  policy.versions.splice(index, 1);
  return undefined;
}
