/**
 * Credentials for an emulator that checks none: LocalStack, and a bare fauxqs or Lambda service without
 * the embedded stack's gate. Pass a copy to an SDK client (it marks the object it is given).
 */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

/** The account of every ARN the emulators make (fauxqs's, LocalStack's and our services' default). */
export const EMULATOR_ACCOUNT_ID = '000000000000';
