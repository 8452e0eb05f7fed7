import { MalformedPolicyDocumentError } from './errors.ts';

/**
 * Checks that a policy document is JSON, as IAM does before storing it. The
 * document is kept as sent: this service stores policies, it does not
 * evaluate or enforce them.
 */
export function checkPolicyDocument(document: string): string {
  try {
    JSON.parse(document);
  } catch {
    throw new MalformedPolicyDocumentError();
  }
  return document;
}

/**
 * IAM returns every policy document URL-encoded "compliant with RFC 3986"
 * (API reference of GetRolePolicy; wire captures in getmoto/moto#8157 show
 * `%7B%22Version%22%3A%20%222012-10-17%22`): everything but the unreserved
 * characters is percent-encoded, spaces as `%20`.
 */
export function encodePolicyDocument(document: string): string {
  return encodeURIComponent(document).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** IAM measures a policy's size without its white space (the inline policy quota of a role is 10240). */
export function policySize(document: string): number {
  return document.replace(/\s/g, '').length;
}
