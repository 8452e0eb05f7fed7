import type { ListRoleTagsResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { paginate } from '../paginate.ts';
import { parseInput } from '../validation.ts';
import { MarkerSchema, MaxItemsSchema, RoleNameSchema } from './commonSchemas.ts';

const ListRoleTagsInput = z.object({ RoleName: RoleNameSchema, Marker: MarkerSchema.optional(), MaxItems: MaxItemsSchema.optional() });

/** ListRoleTags: the role's tags in the order they were added. */
export function listRoleTags(input: unknown, store: IamStore): ListRoleTagsResponse {
  const request = parseInput(ListRoleTagsInput, input);
  const page = paginate(store.roles.require(request.RoleName).tags.list(), request);
  return { Tags: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker } satisfies ListRoleTagsResponse;
}
