import type { CreateRoleResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import { roleArn } from '../arns.ts';
import type { IamStore } from '../IamStore.ts';
import { uniqueId } from '../ids.ts';
import { checkPolicyDocument } from '../policyDocument.ts';
import { checkBoundary, setBoundary } from '../roles/permissionsBoundary.ts';
import { toRole } from '../roles/toRole.ts';
import { TagListSchema, TagSet } from '../tags.ts';
import { parseInput } from '../validation.ts';
import {
  ArnSchema,
  MaxSessionDurationSchema,
  PathSchema,
  PolicyDocumentSchema,
  RoleDescriptionSchema,
  RoleNameSchema,
} from './commonSchemas.ts';

const CreateRoleInput = z.object({
  RoleName: RoleNameSchema,
  AssumeRolePolicyDocument: PolicyDocumentSchema,
  Path: PathSchema.optional(),
  Description: RoleDescriptionSchema.optional(),
  MaxSessionDuration: MaxSessionDurationSchema.optional(),
  PermissionsBoundary: ArnSchema.optional(),
  Tags: TagListSchema.optional(),
});

/** CreateRole: a role with its trust policy (stored, not enforced), defaults Path `/` and MaxSessionDuration 3600. */
export function createRole(input: unknown, store: IamStore): CreateRoleResponse {
  const request = parseInput(CreateRoleInput, input);
  const document = checkPolicyDocument(request.AssumeRolePolicyDocument);
  const tags = new TagSet({ quotaName: 'TagsPerRole' });
  tags.put(request.Tags ?? []);
  const boundary = request.PermissionsBoundary === undefined ? undefined : checkBoundary(store, request.PermissionsBoundary);
  const path = request.Path ?? '/';
  const role = store.roles.add({
    name: request.RoleName,
    path,
    id: uniqueId('AROA'),
    arn: roleArn(store.accountId, path, request.RoleName),
    createDate: new Date(),
    assumeRolePolicyDocument: document,
    description: request.Description,
    maxSessionDuration: request.MaxSessionDuration ?? 3600,
    permissionsBoundaryArn: undefined,
    tags,
    inlinePolicies: new Map(),
    attachedPolicyArns: new Set(),
  });
  setBoundary(store, role, boundary);
  return { Role: toRole(role, 'create') } satisfies CreateRoleResponse;
}
