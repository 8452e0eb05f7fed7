import type { EmulatedService } from '../edge/types.ts';
import { createStsRouter } from './router.ts';

/** The account LocalStack and this stack's emulators use when none is given. */
const DEFAULT_ACCOUNT_ID = '000000000000';

/**
 * An emulated STS for the one-endpoint edge (SigV4 signing name `sts`):
 * GetCallerIdentity for the account's root user, and an AssumeRole stub that
 * hands out fake temporary credentials.
 */
export function createStsService(options: { accountId?: string } = {}): EmulatedService {
  return { signingName: 'sts', handle: createStsRouter({ accountId: options.accountId ?? DEFAULT_ACCOUNT_ID }) };
}
