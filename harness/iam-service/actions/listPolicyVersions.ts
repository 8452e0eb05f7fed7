import type { ListPolicyVersionsResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { paginate } from '../paginate.ts';
import { toPolicyVersion } from '../policies/toPolicy.ts';
import { parseInput } from '../validation.ts';
import { checkPolicyArn } from './checkPolicyArn.ts';
import { ArnSchema, MarkerSchema, MaxItemsSchema } from './commonSchemas.ts';

const ListPolicyVersionsInput = z.object({ PolicyArn: ArnSchema, Marker: MarkerSchema.optional(), MaxItems: MaxItemsSchema.optional() });

/** ListPolicyVersions: newest first and without documents, as in the API reference's example. */
export function listPolicyVersions(input: unknown, store: IamStore): ListPolicyVersionsResponse {
  const request = parseInput(ListPolicyVersionsInput, input);
  checkPolicyArn(request.PolicyArn);
  const policy = store.policies.require(request.PolicyArn);
  const page = paginate([...policy.versions].reverse(), request);
  return {
    Versions: page.items.map((version) => toPolicyVersion(policy, version, { withDocument: false })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  } satisfies ListPolicyVersionsResponse;
}
