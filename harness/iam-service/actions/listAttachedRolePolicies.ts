import type { ListAttachedRolePoliciesResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import { parsePolicyArn } from '../arns.ts';
import type { IamStore } from '../IamStore.ts';
import { paginate } from '../paginate.ts';
import { parseInput } from '../validation.ts';
import { MarkerSchema, MaxItemsSchema, PathPrefixSchema, RoleNameSchema } from './commonSchemas.ts';

const ListAttachedRolePoliciesInput = z.object({
  RoleName: RoleNameSchema,
  PathPrefix: PathPrefixSchema.optional(),
  Marker: MarkerSchema.optional(),
  MaxItems: MaxItemsSchema.optional(),
});

/** ListAttachedRolePolicies: name and ARN of each managed policy attached, filtered by the policy's path. */
export function listAttachedRolePolicies(input: unknown, store: IamStore): ListAttachedRolePoliciesResponse {
  const request = parseInput(ListAttachedRolePoliciesInput, input);
  const prefix = request.PathPrefix ?? '/';
  const attached = [...store.roles.require(request.RoleName).attachedPolicyArns].flatMap((arn) => {
    const parsed = parsePolicyArn(arn);
    return parsed && parsed.path.startsWith(prefix) ? [{ PolicyName: parsed.name, PolicyArn: arn }] : [];
  });
  const page = paginate(attached, request);
  return { AttachedPolicies: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker } satisfies ListAttachedRolePoliciesResponse;
}
