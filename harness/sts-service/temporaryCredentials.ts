import { createHash, randomBytes, randomInt } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomText(alphabet: string, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) {
    text += alphabet.charAt(randomInt(alphabet.length));
  }
  return text;
}

/**
 * Fake temporary credentials in the shapes AWS issues (STS probes of
 * versity/versitygw): an `ASIA` access key id of 20 upper-case letters and
 * digits, a 40-character secret and a long base64 session token. The
 * embedded stack accepts requests signed with them until they expire (IAM is
 * not enforced: they grant what any credentials of the stack grant).
 */
export function temporaryCredentials(): { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } {
  return {
    AccessKeyId: `ASIA${randomText(UPPER_ALNUM, 16)}`,
    SecretAccessKey: randomBytes(30).toString('base64'),
    SessionToken: randomBytes(192).toString('base64'),
  };
}

/**
 * A stable `AROA...` unique id for a role ARN. STS here cannot see IAM's
 * store, so the id is derived from the ARN rather than read from the role.
 */
export function roleIdFor(roleArn: string): string {
  const digest = createHash('sha256').update(roleArn).digest();
  let id = 'AROA';
  for (let index = 0; index < 17; index += 1) {
    id += UPPER_ALNUM.charAt((digest[index] ?? 0) % UPPER_ALNUM.length);
  }
  return id;
}
