import { EMULATOR_CREDENTIALS } from '../aws/emulator.ts';

/**
 * The environment of every terraform run against an emulator (LocalStack or the embedded stack): dummy credentials (or the
 * emulator's own, where it checks signatures), so that nothing can reach a real AWS account even if a provider setting were
 * missed, and no prompts.
 */
export function terraformEnvironment(endpointUrl: string, credentials: { accessKeyId: string; secretAccessKey: string } = EMULATOR_CREDENTIALS): Record<string, string> {
  return {
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL: endpointUrl,
  };
}
