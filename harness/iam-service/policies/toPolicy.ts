import type { Policy, PolicyVersion } from '@aws-sdk/client-iam';
import { encodePolicyDocument } from '../policyDocument.ts';
import type { StoredManagedPolicy, StoredPolicyVersion } from '../types.ts';

/**
 * A customer managed policy in the SDK's `Policy` shape. The Description is
 * only in GetPolicy's answer, as the API reference of the Policy data type says.
 */
export function toPolicy(policy: StoredManagedPolicy, view: 'create' | 'get'): Policy {
  const tags = policy.tags.list();
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: policy.attachmentCount,
    PermissionsBoundaryUsageCount: policy.permissionsBoundaryUsageCount,
    IsAttachable: true,
    Description: view === 'get' ? policy.description : undefined,
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
    Tags: tags.length === 0 ? undefined : tags,
  } satisfies Policy;
}

/** A policy version; the document (URL-encoded) only where the operation returns it. */
export function toPolicyVersion(policy: StoredManagedPolicy, version: StoredPolicyVersion, options: { withDocument: boolean }): PolicyVersion {
  return {
    Document: options.withDocument ? encodePolicyDocument(version.document) : undefined,
    VersionId: version.versionId,
    IsDefaultVersion: version.versionId === policy.defaultVersionId,
    CreateDate: version.createDate,
  } satisfies PolicyVersion;
}
