import type { CreatePolicyVersionResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import { LimitExceededError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import { checkPolicyDocument } from '../policyDocument.ts';
import { toPolicyVersion } from '../policies/toPolicy.ts';
import { awsBoolean, parseInput } from '../validation.ts';
import { checkPolicyArn } from './checkPolicyArn.ts';
import { ArnSchema, PolicyDocumentSchema } from './commonSchemas.ts';

const CreatePolicyVersionInput = z.object({
  PolicyArn: ArnSchema,
  PolicyDocument: PolicyDocumentSchema,
  SetAsDefault: awsBoolean().optional(),
});

/** IAM quota: a managed policy keeps at most five versions. */
const MAX_VERSIONS = 5;

/** CreatePolicyVersion: what the provider's `aws_iam_policy` calls on a policy change. */
export function createPolicyVersion(input: unknown, store: IamStore): CreatePolicyVersionResponse {
  const request = parseInput(CreatePolicyVersionInput, input);
  checkPolicyArn(request.PolicyArn);
  const document = checkPolicyDocument(request.PolicyDocument);
  const policy = store.policies.require(request.PolicyArn);
  if (policy.versions.length >= MAX_VERSIONS) {
    throw new LimitExceededError(
      `A managed policy can have up to ${MAX_VERSIONS} versions. Before you create a new version, you must delete an existing version.`,
    );
  }
  const version = { versionId: `v${policy.nextVersionNumber}`, document, createDate: new Date() };
  policy.nextVersionNumber += 1;
  policy.versions.push(version);
  if (request.SetAsDefault === true) {
    policy.defaultVersionId = version.versionId;
    policy.updateDate = version.createDate;
  }
  return { PolicyVersion: toPolicyVersion(policy, version, { withDocument: false }) } satisfies CreatePolicyVersionResponse;
}
