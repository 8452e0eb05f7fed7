import { InvalidIdempotencyKeyError } from '../errors.ts';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Visible ASCII and spaces, as a Structured Field String may hold them (RFC 8941 section 3.3.3). */
const KEY_CHARACTERS = /^[\x20-\x7E]{1,255}$/;

/**
 * The key of an `Idempotency-Key` header (IETF httpapi draft: an sf-string, `"8e03978e-..."`); a bare
 * token is taken as it is, as many clients send it. Undefined when the header is absent; a value that is
 * empty, longer than 255 characters or not printable ASCII is a 400.
 */
export function readIdempotencyKey(header: string): string | undefined {
  if (header === '') return undefined;
  const key = header.startsWith('"') ? unquote(header) : header.trim();
  if (key === undefined || key.trim() === '' || !KEY_CHARACTERS.test(key)) {
    throw new InvalidIdempotencyKeyError('must be a string of 1 to 255 printable ASCII characters, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324"');
  }
  return key;
}

/** An sf-string's content, or undefined when it is not one (unterminated, a stray backslash). */
function unquote(value: string): string | undefined {
  let key = '';
  for (let i = 1; i < value.length; i += 1) {
    const char = value[i];
    if (char === '\\') {
      const escaped = value[i + 1];
      if (escaped !== '"' && escaped !== '\\') return undefined;
      key += escaped;
      i += 1;
    } else if (char === '"') {
      return value.slice(i + 1).trim() === '' ? key : undefined;
    } else {
      key += char;
    }
  }
  return undefined;
}
