import type { ListRolePoliciesResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { paginate } from '../paginate.ts';
import { parseInput } from '../validation.ts';
import { MarkerSchema, MaxItemsSchema, RoleNameSchema } from './commonSchemas.ts';

const ListRolePoliciesInput = z.object({ RoleName: RoleNameSchema, Marker: MarkerSchema.optional(), MaxItems: MaxItemsSchema.optional() });

/** ListRolePolicies: names of the role's inline policies, in name order. */
export function listRolePolicies(input: unknown, store: IamStore): ListRolePoliciesResponse {
  const request = parseInput(ListRolePoliciesInput, input);
  const names = [...store.roles.require(request.RoleName).inlinePolicies.keys()].sort();
  const page = paginate(names, request);
  return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker } satisfies ListRolePoliciesResponse;
}
