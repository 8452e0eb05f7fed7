import type { TagSet } from './tags.ts';

/** A role as the store keeps it; policies are stored as sent, never evaluated. */
export interface StoredRole {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly arn: string;
  readonly createDate: Date;
  assumeRolePolicyDocument: string;
  description: string | undefined;
  maxSessionDuration: number;
  permissionsBoundaryArn: string | undefined;
  readonly tags: TagSet;
  /** Inline policies by name, documents as sent. */
  readonly inlinePolicies: Map<string, string>;
  /** ARNs of the managed policies attached, in attachment order. */
  readonly attachedPolicyArns: Set<string>;
}

/** One version of a customer managed policy. */
export interface StoredPolicyVersion {
  readonly versionId: string;
  readonly document: string;
  readonly createDate: Date;
}

/** A customer managed policy. */
export interface StoredManagedPolicy {
  readonly name: string;
  readonly id: string;
  readonly arn: string;
  readonly path: string;
  readonly description: string | undefined;
  readonly createDate: Date;
  updateDate: Date;
  readonly tags: TagSet;
  /** Oldest first. */
  readonly versions: StoredPolicyVersion[];
  defaultVersionId: string;
  /** Version numbers are never reused, even after a version is deleted. */
  nextVersionNumber: number;
  attachmentCount: number;
  permissionsBoundaryUsageCount: number;
}
