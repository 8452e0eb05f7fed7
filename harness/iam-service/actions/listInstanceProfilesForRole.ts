import type { ListInstanceProfilesForRoleResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { parseInput } from '../validation.ts';
import { MarkerSchema, MaxItemsSchema, RoleNameSchema } from './commonSchemas.ts';

const ListInstanceProfilesForRoleInput = z.object({
  RoleName: RoleNameSchema,
  Marker: MarkerSchema.optional(),
  MaxItems: MaxItemsSchema.optional(),
});

/**
 * ListInstanceProfilesForRole: always empty, as this service has no instance
 * profiles; the Terraform provider calls it before deleting a role.
 */
export function listInstanceProfilesForRole(input: unknown, store: IamStore): ListInstanceProfilesForRoleResponse {
  const request = parseInput(ListInstanceProfilesForRoleInput, input);
  store.roles.require(request.RoleName);
  return { InstanceProfiles: [], IsTruncated: false } satisfies ListInstanceProfilesForRoleResponse;
}
