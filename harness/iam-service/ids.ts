import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * An IAM unique id: a four-letter prefix naming the kind (`AROA` roles,
 * `ANPA` customer managed policies) and 17 upper-case letters and digits, 21
 * characters in all as on AWS (`AROAQ7SSZBKHREXAMPLE`-style).
 */
export function uniqueId(prefix: 'AROA' | 'ANPA'): string {
  let id = prefix;
  for (let index = 0; index < 17; index += 1) {
    id += ALPHABET.charAt(randomInt(ALPHABET.length));
  }
  return id;
}
