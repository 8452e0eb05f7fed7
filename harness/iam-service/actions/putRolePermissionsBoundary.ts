import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { checkBoundary, setBoundary } from '../roles/permissionsBoundary.ts';
import { parseInput } from '../validation.ts';
import { ArnSchema, RoleNameSchema } from './commonSchemas.ts';

const PutRolePermissionsBoundaryInput = z.object({ RoleName: RoleNameSchema, PermissionsBoundary: ArnSchema });

/** PutRolePermissionsBoundary: sets the boundary (stored, not enforced). */
export function putRolePermissionsBoundary(input: unknown, store: IamStore): undefined {
  const request = parseInput(PutRolePermissionsBoundaryInput, input);
  const role = store.roles.require(request.RoleName);
  setBoundary(store, role, checkBoundary(store, request.PermissionsBoundary));
  return undefined;
}
