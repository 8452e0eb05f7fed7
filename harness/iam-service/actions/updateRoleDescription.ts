import type { UpdateRoleDescriptionResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { toRole } from '../roles/toRole.ts';
import { parseInput } from '../validation.ts';
import { RoleDescriptionSchema, RoleNameSchema } from './commonSchemas.ts';

const UpdateRoleDescriptionInput = z.object({ RoleName: RoleNameSchema, Description: RoleDescriptionSchema });

/** UpdateRoleDescription: what the Terraform provider calls when `description` changes; answers the role. */
export function updateRoleDescription(input: unknown, store: IamStore): UpdateRoleDescriptionResponse {
  const request = parseInput(UpdateRoleDescriptionInput, input);
  const role = store.roles.require(request.RoleName);
  role.description = request.Description;
  return { Role: toRole(role, 'description') } satisfies UpdateRoleDescriptionResponse;
}
