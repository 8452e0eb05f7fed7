import { BackendSettingError } from '../backends/errors.ts';
import type { AwsCredentials } from '../backends/types.ts';

/** How the embedded stack checks its callers, as the environment sets it. */
export interface StackAuthSettings {
  /** `FANOUT_AWS_ACCESS_KEY_ID` and `FANOUT_AWS_SECRET_ACCESS_KEY` (both or neither); absent: fresh random ones per start. */
  credentials?: AwsCredentials;
  /** `FANOUT_VERIFY_SIGV4=false` turns signature checks off (browser requests stay refused). */
  verifySignatures: boolean;
}

/** Reads the stack's credentials and whether signatures are checked. */
export function stackAuthFromEnv(env: NodeJS.ProcessEnv = process.env): StackAuthSettings {
  const accessKeyId = env.FANOUT_AWS_ACCESS_KEY_ID?.trim() || undefined;
  const secretAccessKey = env.FANOUT_AWS_SECRET_ACCESS_KEY?.trim() || undefined;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new BackendSettingError('FANOUT_AWS_ACCESS_KEY_ID and FANOUT_AWS_SECRET_ACCESS_KEY go together: set both, or neither for fresh random credentials');
  }
  const verify = (env.FANOUT_VERIFY_SIGV4 ?? '').trim().toLowerCase();
  if (verify !== '' && !['true', 'false', '1', '0', 'on', 'off'].includes(verify)) {
    throw new BackendSettingError(`FANOUT_VERIFY_SIGV4=${env.FANOUT_VERIFY_SIGV4}: use true or false`);
  }
  return {
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    verifySignatures: !['false', '0', 'off'].includes(verify),
  };
}
