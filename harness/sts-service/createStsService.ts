import type { EmulatedService } from '../edge/types.ts';
import { createStsRouter } from './router.ts';
import type { StsContext } from './StsContext.ts';
import { EMULATOR_ACCOUNT_ID } from '../aws/emulator.ts';

/** The account LocalStack and this stack's emulators use when none is given. */
const DEFAULT_ACCOUNT_ID = EMULATOR_ACCOUNT_ID;

/**
 * An emulated STS for the one-endpoint edge (SigV4 signing name `sts`):
 * GetCallerIdentity for the account's root user, and an AssumeRole stub that
 * hands out temporary credentials (`onCredentialsIssued` lets the stack accept their signatures).
 */
export function createStsService(options: { accountId?: string; onCredentialsIssued?: StsContext['onCredentialsIssued'] } = {}): EmulatedService {
  return {
    signingName: 'sts',
    handle: createStsRouter({
      accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
      ...(options.onCredentialsIssued ? { onCredentialsIssued: options.onCredentialsIssued } : {}),
    }),
  };
}
