import type { GetPolicyVersionResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import { NoSuchEntityError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import { toPolicyVersion } from '../policies/toPolicy.ts';
import { parseInput } from '../validation.ts';
import { checkPolicyArn } from './checkPolicyArn.ts';
import { ArnSchema, PolicyVersionIdSchema } from './commonSchemas.ts';

const GetPolicyVersionInput = z.object({ PolicyArn: ArnSchema, VersionId: PolicyVersionIdSchema });

/** GetPolicyVersion: one version with its document, URL-encoded as IAM returns it. */
export function getPolicyVersion(input: unknown, store: IamStore): GetPolicyVersionResponse {
  const request = parseInput(GetPolicyVersionInput, input);
  checkPolicyArn(request.PolicyArn);
  const policy = store.policies.require(request.PolicyArn);
  const version = policy.versions.find((candidate) => candidate.versionId === request.VersionId);
  if (!version) {
    throw NoSuchEntityError.policyVersion(request.PolicyArn, request.VersionId);
  }
  return { PolicyVersion: toPolicyVersion(policy, version, { withDocument: true }) } satisfies GetPolicyVersionResponse;
}
