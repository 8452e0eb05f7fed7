import type { GetCallerIdentityResponse } from '@aws-sdk/client-sts';
import type { StsContext } from '../StsContext.ts';

/**
 * GetCallerIdentity: every caller is the account's root user, as the
 * emulator takes any credentials (UserId of a root user is the account id).
 */
export function getCallerIdentity(_input: unknown, context: StsContext): GetCallerIdentityResponse {
  return {
    Arn: `arn:aws:iam::${context.accountId}:root`,
    UserId: context.accountId,
    Account: context.accountId,
  } satisfies GetCallerIdentityResponse;
}
