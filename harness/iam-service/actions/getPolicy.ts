import type { GetPolicyResponse } from '@aws-sdk/client-iam';
import * as z from 'zod';
import type { IamStore } from '../IamStore.ts';
import { toPolicy } from '../policies/toPolicy.ts';
import { parseInput } from '../validation.ts';
import { checkPolicyArn } from './checkPolicyArn.ts';
import { ArnSchema } from './commonSchemas.ts';

const GetPolicyInput = z.object({ PolicyArn: ArnSchema });

/**
 * GetPolicy: a customer managed policy. AWS managed policies are not
 * catalogued here, so their ARNs answer NoSuchEntity (they can still be attached).
 */
export function getPolicy(input: unknown, store: IamStore): GetPolicyResponse {
  const request = parseInput(GetPolicyInput, input);
  checkPolicyArn(request.PolicyArn);
  return { Policy: toPolicy(store.policies.require(request.PolicyArn), 'get') } satisfies GetPolicyResponse;
}
