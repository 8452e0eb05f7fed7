import type { CreatePolicyResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import { policyArn } from '../arns.ts';
import type { IamStore } from '../IamStore.ts';
import { uniqueId } from '../ids.ts';
import { checkPolicyDocument } from '../policyDocument.ts';
import { toPolicy } from '../policies/toPolicy.ts';
import { TagListSchema, TagSet } from '../tags.ts';
import { parseInput } from '../validation.ts';
import { PathSchema, PolicyDescriptionSchema, PolicyDocumentSchema, PolicyNameSchema } from './commonSchemas.ts';

const CreatePolicyInput = z.object({
  PolicyName: PolicyNameSchema,
  PolicyDocument: PolicyDocumentSchema,
  Path: PathSchema.optional(),
  Description: PolicyDescriptionSchema.optional(),
  Tags: TagListSchema.optional(),
});

/** CreatePolicy: a customer managed policy with its first version `v1` as the default. */
export function createPolicy(input: unknown, store: IamStore): CreatePolicyResponse {
  const request = parseInput(CreatePolicyInput, input);
  const document = checkPolicyDocument(request.PolicyDocument);
  const tags = new TagSet({ quotaName: 'TagsPerPolicy' });
  tags.put(request.Tags ?? []);
  const path = request.Path ?? '/';
  const now = new Date();
  const policy = store.policies.add({
    name: request.PolicyName,
    id: uniqueId('ANPA'),
    arn: policyArn(store.accountId, path, request.PolicyName),
    path,
    description: request.Description,
    createDate: now,
    updateDate: now,
    tags,
    versions: [{ versionId: 'v1', document, createDate: now }],
    defaultVersionId: 'v1',
    nextVersionNumber: 2,
    attachmentCount: 0,
    permissionsBoundaryUsageCount: 0,
  });
  return { Policy: toPolicy(policy, 'create') } satisfies CreatePolicyResponse;
}
