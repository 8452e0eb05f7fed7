import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { setBoundary } from '../roles/permissionsBoundary.ts';
import { parseInput } from '../validation.ts';
import { RoleNameSchema } from './commonSchemas.ts';

const DeleteRolePermissionsBoundaryInput = z.object({ RoleName: RoleNameSchema });

/** DeleteRolePermissionsBoundary: clears the boundary. */
export function deleteRolePermissionsBoundary(input: unknown, store: IamStore): undefined {
  const request = parseInput(DeleteRolePermissionsBoundaryInput, input);
  setBoundary(store, store.roles.require(request.RoleName), undefined);
  return undefined;
}
