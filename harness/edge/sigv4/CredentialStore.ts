import { randomBytes, randomInt } from 'node:crypto';

/** An access key the stack accepts, with its secret (and session token, for temporary credentials). */
export interface AcceptedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Epoch ms after which the key is refused (temporary credentials). */
  expiresAt?: number;
}

/**
 * The credentials requests to the stack may be signed with: the stack's own, the functions', and
 * whatever temporary credentials its STS issued. Keys expire when their `expiresAt` passes.
 */
export class CredentialStore {
  readonly #keys = new Map<string, AcceptedCredentials>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  add(credentials: AcceptedCredentials): void {
    this.#keys.set(credentials.accessKeyId, { ...credentials });
  }

  /** The credentials of an access key id, if the stack accepts it now. */
  get(accessKeyId: string): AcceptedCredentials | undefined {
    const found = this.#keys.get(accessKeyId);
    if (found?.expiresAt !== undefined && found.expiresAt <= this.#now()) {
      this.#keys.delete(accessKeyId);
      return undefined;
    }
    return found;
  }
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Fresh credentials in AWS's shapes: `AKIA` + 16 characters, and a 40-character secret. */
export function randomCredentials(prefix = 'AKIA'): { accessKeyId: string; secretAccessKey: string } {
  let id = prefix;
  while (id.length < 20) id += UPPER_ALNUM.charAt(randomInt(UPPER_ALNUM.length));
  return { accessKeyId: id, secretAccessKey: randomBytes(30).toString('base64').replaceAll('+', 'A').replaceAll('/', 'B') };
}
