import type { GetRoleResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { toRole } from '../roles/toRole.ts';
import { parseInput } from '../validation.ts';
import { RoleNameSchema } from './commonSchemas.ts';

const GetRoleInput = z.object({ RoleName: RoleNameSchema });

/** GetRole: the role with its tags, boundary and an empty RoleLastUsed (nothing assumes roles here). */
export function getRole(input: unknown, store: IamStore): GetRoleResponse {
  const request = parseInput(GetRoleInput, input);
  return { Role: toRole(store.roles.require(request.RoleName), 'get') } satisfies GetRoleResponse;
}
