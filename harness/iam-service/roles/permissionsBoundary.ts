import { isAwsManagedPolicyArn, parsePolicyArn } from '../arns.ts';
import { InvalidInputError, NoSuchEntityError } from '../errors.ts';
import type { IamStore } from '../IamStore.ts';
import type { StoredRole } from '../types.ts';

/**
 * Checks a permissions boundary as IAM does (LocalStack `test_role_permissions_boundary_errors`):
 * not a policy ARN is InvalidInput "ARN <arn> is not valid.", an unknown customer managed
 * policy NoSuchEntity "Scope ARN: <arn> does not exist or is not attachable.". AWS managed
 * policies are taken on trust (this service has no catalogue of them).
 */
export function checkBoundary(store: IamStore, arn: string): string {
  if (!parsePolicyArn(arn)) {
    throw InvalidInputError.invalidArn(arn);
  }
  if (!isAwsManagedPolicyArn(arn) && !store.policies.find(arn)) {
    throw NoSuchEntityError.boundary(arn);
  }
  return arn;
}

/** Sets or clears a role's boundary, keeping the policies' PermissionsBoundaryUsageCount true. */
export function setBoundary(store: IamStore, role: StoredRole, arn: string | undefined): void {
  const previous = role.permissionsBoundaryArn === undefined ? undefined : store.policies.find(role.permissionsBoundaryArn);
  if (previous) {
    previous.permissionsBoundaryUsageCount -= 1;
  }
  role.permissionsBoundaryArn = arn;
  const next = arn === undefined ? undefined : store.policies.find(arn);
  if (next) {
    next.permissionsBoundaryUsageCount += 1;
  }
}
