import type { AttachedPermissionsBoundary, Role } from '@aws-sdk/client-iam';
import { encodePolicyDocument } from '../policyDocument.ts';
import type { StoredRole } from '../types.ts';

/**
 * Which operation a role is rendered for: AWS shows different members in
 * each (LocalStack `test_iam_roles.snapshot.json`, recorded against AWS):
 * - `create` (CreateRole): no Description, MaxSessionDuration or RoleLastUsed;
 * - `get` (GetRole): everything, with an empty `RoleLastUsed`;
 * - `list` (ListRoles): no PermissionsBoundary, Tags or RoleLastUsed;
 * - `description` (UpdateRoleDescription): as `create`, plus Description.
 */
export type RoleView = 'create' | 'get' | 'list' | 'description';

/**
 * AWS sends `Policy` here (get-role-with-boundary in the snapshot above, and
 * the API reference: "This data type can only have a value of Policy"), although
 * the SDK's enum lists `PermissionsBoundaryPolicy`; the SDK passes the text through.
 */
const BOUNDARY_TYPE = 'Policy' as unknown as AttachedPermissionsBoundary['PermissionsBoundaryType'];

/** A stored role in the SDK's `Role` shape, the trust policy URL-encoded as IAM returns it. */
export function toRole(role: StoredRole, view: RoleView): Role {
  const tags = role.tags.list();
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: encodePolicyDocument(role.assumeRolePolicyDocument),
    Description: view === 'create' ? undefined : role.description,
    MaxSessionDuration: view === 'get' || view === 'list' ? role.maxSessionDuration : undefined,
    PermissionsBoundary:
      view === 'list' || role.permissionsBoundaryArn === undefined
        ? undefined
        : { PermissionsBoundaryType: BOUNDARY_TYPE, PermissionsBoundaryArn: role.permissionsBoundaryArn },
    Tags: view === 'list' || tags.length === 0 ? undefined : tags,
    RoleLastUsed: view === 'get' ? {} : undefined,
  } satisfies Role;
}
