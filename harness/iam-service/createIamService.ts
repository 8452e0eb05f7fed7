import type { EmulatedService } from '../edge/types.ts';
import { createIamStore } from './IamStore.ts';
import { createIamRouter } from './router.ts';
import { EMULATOR_ACCOUNT_ID } from '../aws/emulator.ts';

/** The account LocalStack and this stack's emulators use when none is given. */
const DEFAULT_ACCOUNT_ID = EMULATOR_ACCOUNT_ID;

/**
 * An emulated IAM for the one-endpoint edge (SigV4 signing name `iam`):
 * roles, inline and managed policies, stored faithfully and never enforced.
 * The state lives as long as the returned service.
 */
export function createIamService(options: { accountId?: string } = {}): EmulatedService {
  const store = createIamStore(options.accountId ?? DEFAULT_ACCOUNT_ID);
  return { signingName: 'iam', handle: createIamRouter(store) };
}
