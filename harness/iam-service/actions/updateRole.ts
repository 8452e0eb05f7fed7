import type { UpdateRoleResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { parseInput } from '../validation.ts';
import { MaxSessionDurationSchema, RoleDescriptionSchema, RoleNameSchema } from './commonSchemas.ts';

const UpdateRoleInput = z.object({
  RoleName: RoleNameSchema,
  Description: RoleDescriptionSchema.optional(),
  MaxSessionDuration: MaxSessionDurationSchema.optional(),
});

/** UpdateRole: Description and MaxSessionDuration; members left out keep their value (LocalStack `test_update_role`). */
export function updateRole(input: unknown, store: IamStore): UpdateRoleResponse {
  const request = parseInput(UpdateRoleInput, input);
  const role = store.roles.require(request.RoleName);
  if (request.Description !== undefined) {
    role.description = request.Description;
  }
  if (request.MaxSessionDuration !== undefined) {
    role.maxSessionDuration = request.MaxSessionDuration;
  }
  return {} satisfies UpdateRoleResponse;
}
