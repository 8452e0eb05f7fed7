import { createHmac, createSecretKey, hash, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { CredentialStore } from './CredentialStore.ts';

/** What a signature is checked against: the request as it arrived, with its whole body. */
export interface SignedRequest {
  method: string;
  /** The request target as on the wire (`/path?query`, percent-encoded). */
  url: string;
  /** `req.rawHeaders`: names and values, alternating. */
  rawHeaders: readonly string[];
  body: Buffer;
}

/** Why a request was refused, in the two wire vocabularies AWS uses (JSON protocols, Query protocol). */
export interface SignatureFailure {
  status: 403;
  jsonCode: string;
  queryCode: string;
  message: string;
}

export type Verification = { ok: true; accessKeyId: string; service: string } | { ok: false; failure: SignatureFailure };

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** AWS refuses a signature whose time is more than 15 minutes from its own clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** The longest a presigned URL may be valid (7 days). */
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;
const BAD_SIGNATURE = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const fail = (jsonCode: string, queryCode: string, message: string): Verification => ({ ok: false, failure: { status: 403, jsonCode, queryCode, message } });
const missing = (): Verification => fail('MissingAuthenticationTokenException', 'MissingAuthenticationToken', 'Missing Authentication Token');
const unknownKey = (): Verification => fail('UnrecognizedClientException', 'InvalidClientTokenId', 'The security token included in the request is invalid.');
const mismatch = (): Verification => fail('InvalidSignatureException', 'SignatureDoesNotMatch', BAD_SIGNATURE);
const incomplete = (what: string): Verification => fail('IncompleteSignatureException', 'IncompleteSignature', what);

/**
 * Checks an AWS Signature Version 4 (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html),
 * in the Authorization header or a presigned URL, against the credentials the stack accepts: the canonical
 * request is rebuilt from what arrived (method, path double-encoded as SDKs sign it for every service but
 * S3, sorted query, the signed headers, the body's SHA-256), its string to sign is signed with the key
 * derived from the secret, date, region and service, and the result must equal the signature sent.
 */
export function verifySigV4(request: SignedRequest, credentials: CredentialStore, now: number = Date.now()): Verification {
  const url = new URL(request.url, 'http://signed');
  const headers = headerValues(request.rawHeaders);
  const query = url.searchParams;
  const authorization = headers.get('authorization');
  const presigned = query.get('X-Amz-Algorithm') !== null;
  let credential: string | undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;
  let amzDate: string | undefined;
  let token: string | undefined;
  if (authorization !== undefined) {
    if (!authorization.startsWith(`${ALGORITHM} `)) return authorization.startsWith('AWS ') ? incomplete('Signature Version 2 is not accepted; sign with Signature Version 4.') : missing();
    const fields = Object.fromEntries(authorization.slice(ALGORITHM.length + 1).split(',').map((part) => {
      const [name = '', ...value] = part.trim().split('=');
      return [name, value.join('=')];
    }));
    credential = fields.Credential;
    signedHeaders = fields.SignedHeaders;
    signature = fields.Signature;
    amzDate = headers.get('x-amz-date') ?? headers.get('date');
    token = headers.get('x-amz-security-token');
  } else if (presigned) {
    if (query.get('X-Amz-Algorithm') !== ALGORITHM) return incomplete(`X-Amz-Algorithm must be ${ALGORITHM}.`);
    credential = query.get('X-Amz-Credential') ?? undefined;
    signedHeaders = query.get('X-Amz-SignedHeaders') ?? undefined;
    signature = query.get('X-Amz-Signature') ?? undefined;
    amzDate = query.get('X-Amz-Date') ?? undefined;
    token = query.get('X-Amz-Security-Token') ?? undefined;
  } else {
    return missing();
  }
  if (!credential || !signedHeaders || !signature || !amzDate) {
    return incomplete("Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters, and the request an 'X-Amz-Date'.");
  }
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] = credential.split('/');
  if (terminator !== 'aws4_request' || !/^\d{8}$/.test(scopeDate) || region === '' || service === '') {
    return incomplete(`Credential should be scoped to a valid region, like <key>/<date>/<region>/<service>/aws4_request, not '${credential}'.`);
  }
  const accepted = credentials.get(accessKeyId);
  if (!accepted) return unknownKey();
  if ((accepted.sessionToken ?? undefined) !== token) return unknownKey();

  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) return incomplete(`Date must be in ISO-8601 basic format (YYYYMMDD'T'HHMMSS'Z'), not '${amzDate}'.`);
  if (compactDate(signedAt).slice(0, 8) !== scopeDate) return mismatch();
  if (presigned) {
    const expires = Number(query.get('X-Amz-Expires') ?? '');
    if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_SECONDS) return incomplete('X-Amz-Expires must be between 1 and 604800 seconds.');
    if (now > signedAt + expires * 1000) return fail('InvalidSignatureException', 'SignatureDoesNotMatch', `Signature expired: ${compactDate(signedAt)} is now earlier than ${compactDate(now - expires * 1000)}.`);
  } else if (now - signedAt > MAX_SKEW_MS) {
    return fail('InvalidSignatureException', 'SignatureDoesNotMatch', `Signature expired: ${compactDate(signedAt)} is now earlier than ${compactDate(now - MAX_SKEW_MS)} (${compactDate(now)} - 15 min.)`);
  } else if (signedAt - now > MAX_SKEW_MS) {
    return fail('InvalidSignatureException', 'SignatureDoesNotMatch', `Signature not yet current: ${compactDate(signedAt)} is still later than ${compactDate(now + MAX_SKEW_MS)} (${compactDate(now)} + 15 min.)`);
  }

  const names = signedHeaders.split(';');
  if (!names.includes('host') || names.some((name) => headers.get(name) === undefined)) return mismatch();
  const payloadHash = hash('sha256', request.body);
  const claimedHash = headers.get('x-amz-content-sha256');
  if (claimedHash !== undefined && claimedHash !== payloadHash) return mismatch();
  const canonicalRequest = [
    request.method,
    canonicalPath(url.pathname),
    canonicalQuery(rawQuery(request.url), presigned),
    ...names.map((name) => `${name}:${canonicalValue(headers.get(name) ?? '')}`),
    '',
    signedHeaders,
    claimedHash ?? payloadHash,
  ].join('\n');
  const scope = `${scopeDate}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, compactDate(signedAt), scope, hash('sha256', canonicalRequest)].join('\n');
  const key = signingKey(accepted.secretAccessKey, scope);
  const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
  const given = Buffer.from(signature.toLowerCase());
  if (given.byteLength !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) return mismatch();
  return { ok: true, accessKeyId, service };
}

/**
 * Derived signing keys by secret and scope: a key is valid for a day, region and service, and deriving it is
 * four HMACs (each a new key object), the largest cost of a verification; the SDK's signer caches it too.
 * The key is kept as a KeyObject: an HMAC given a Buffer makes a key object of it first, several times the
 * cost of the HMAC itself. Few scopes are ever live at once (a day's, per service), so the cache is cleared
 * rather than aged.
 */
const signingKeys = new Map<string, KeyObject>();
const MAX_SIGNING_KEYS = 64;

function signingKey(secretAccessKey: string, scope: string): KeyObject {
  const cacheKey = `${scope}\n${secretAccessKey}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    const [scopeDate = '', region = '', service = ''] = scope.split('/');
    let derived = hmac(`AWS4${secretAccessKey}`, scopeDate);
    for (const part of [region, service, 'aws4_request']) derived = hmac(derived, part);
    key = createSecretKey(derived);
    if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** Header values by lower-case name; a repeated header's values joined with commas, as signers do. */
function headerValues(rawHeaders: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = rawHeaders[i + 1] ?? '';
    const known = values.get(name);
    values.set(name, known === undefined ? value : `${known},${value}`);
  }
  return values;
}

function canonicalValue(value: string): string {
  return value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

/** RFC 3986 encoding, as `escapeUri` of the SDKs: everything but unreserved characters. */
function escape(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The path as SDKs sign it for services other than S3: dot segments and empty ones removed, then encoded again. */
function canonicalPath(wirePath: string): string {
  const segments: string[] = [];
  for (const segment of wirePath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${wirePath.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && wirePath.endsWith('/') ? '/' : ''}`;
  return escape(normalized).replace(/%2F/g, '/');
}

function rawQuery(target: string): string {
  const index = target.indexOf('?');
  return index < 0 ? '' : target.slice(index + 1);
}

/** Query parameters decoded, re-encoded strictly, sorted by name then value; a presigned URL's signature left out. */
function canonicalQuery(query: string, presigned: boolean): string {
  const pairs: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const [rawName = '', ...rawValue] = part.split('=');
    const name = decode(rawName);
    if (presigned && name === 'X-Amz-Signature') continue;
    pairs.push([escape(name), escape(decode(rawValue.join('=')))]);
  }
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `20250601T101500Z` (or an HTTP date) as epoch ms. */
function parseAmzDate(value: string): number | undefined {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (basic) {
    const [, y, mo, d, h, mi, s] = basic.map(Number);
    return Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** The last date formatted: the requests of one second share it (signing times have whole seconds). */
let lastCompactDate = { epochMs: Number.NaN, text: '' };

function compactDate(epochMs: number): string {
  if (epochMs !== lastCompactDate.epochMs) {
    lastCompactDate = { epochMs, text: new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '') };
  }
  return lastCompactDate.text;
}
