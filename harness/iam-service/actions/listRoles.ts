import type { ListRolesResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { paginate } from '../paginate.ts';
import { toRole } from '../roles/toRole.ts';
import { parseInput } from '../validation.ts';
import { MarkerSchema, MaxItemsSchema, PathPrefixSchema } from './commonSchemas.ts';

const ListRolesInput = z.object({
  PathPrefix: PathPrefixSchema.optional(),
  Marker: MarkerSchema.optional(),
  MaxItems: MaxItemsSchema.optional(),
});

/** ListRoles: roles by name whose path starts with PathPrefix (default `/`), without tags or boundary as on AWS. */
export function listRoles(input: unknown, store: IamStore): ListRolesResponse {
  const request = parseInput(ListRolesInput, input);
  const prefix = request.PathPrefix ?? '/';
  const page = paginate(
    store.roles.list().filter((role) => role.path.startsWith(prefix)),
    request,
  );
  return {
    Roles: page.items.map((role) => toRole(role, 'list')),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  } satisfies ListRolesResponse;
}
