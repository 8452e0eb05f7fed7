import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCappedBody } from '../http/readCappedBody.ts';
import { sendEdgeError } from './edgeErrors.ts';
import { replayRequest } from './replayRequest.ts';
import { serviceOfRequest } from './serviceOfRequest.ts';
import type { CredentialStore } from './sigv4/CredentialStore.ts';
import { verifySigV4 } from './sigv4/verifySigV4.ts';
import type { ServiceHandler } from './types.ts';

/**
 * The largest body read to check its signature: Lambda's largest request (CreateFunction with a base64
 * zip) for Lambda, 8 MiB for the others (their own limits are lower: SQS 1 MiB, PutLogEvents 1 MiB);
 * a longer body is refused unread.
 */
const MAX_LAMBDA_BODY_BYTES = 69_905_067;
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Services whose errors are JSON (REST-JSON or a JSON protocol): the others speak the Query protocol's XML. */
const JSON_SERVICES = new Set(['lambda', 'logs']);
/** Names a client uses to reach this machine: anything else came through a DNS name pointed at it (rebinding). */
const LOOPBACK_HOST = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])(:\d+)?$/i;

export interface RequestGateOptions {
  credentials: CredentialStore;
  /** Check signatures; default true. Browser-origin and foreign-host requests are refused either way. */
  verifySignatures?: boolean;
  now?: () => number;
}

/** Lets a request through to a service, or answers it with AWS's error itself. */
export type RequestGate = (req: IncomingMessage, res: ServerResponse, next: ServiceHandler) => void;

/**
 * What stands before every endpoint of the stack: requests from web browsers (an `Origin`, `Referer` or
 * `Sec-Fetch-Site` header, or a CORS preflight: no AWS SDK or tool sends them) and requests that name a host
 * other than loopback are refused, so a web page cannot drive the stack, not even through DNS rebinding;
 * then the SigV4 signature must verify against the stack's credentials, over the whole body, which the
 * service then reads as if it came straight from the socket.
 */
export function createRequestGate(options: RequestGateOptions): RequestGate {
  const now = options.now ?? Date.now;
  return (req, res, next) => {
    const json = isJson(req);
    const refuse = (code: { json: string; query: string }, message: string, status = 403): void =>
      sendEdgeError(req, res, { status, code: json ? code.json : code.query, message }, { json });
    const browser = browserMark(req);
    if (browser) {
      refuse({ json: 'AccessDeniedException', query: 'AccessDenied' }, `Requests from web browsers are refused (${browser}): the embedded stack answers AWS SDKs and tools only.`);
      return;
    }
    const host = req.headers.host ?? '';
    if (!LOOPBACK_HOST.test(host)) {
      refuse({ json: 'AccessDeniedException', query: 'AccessDenied' }, `The embedded stack answers requests to 127.0.0.1 or localhost only, not to host "${host}".`);
      return;
    }
    if (options.verifySignatures === false) {
      next(req, res);
      return;
    }
    const limit = serviceOfRequest(req).service === 'lambda' ? MAX_LAMBDA_BODY_BYTES : MAX_BODY_BYTES;
    const tooLarge = (): void => refuse({ json: 'RequestEntityTooLargeException', query: 'RequestEntityTooLarge' }, `Request must be smaller than ${limit} bytes.`, 413);
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      res.setHeader('connection', 'close');
      tooLarge();
      return;
    }
    readCappedBody(req, limit).then(({ body, tooLarge: over }) => {
      if (over) {
        tooLarge();
        return;
      }
      const verified = verifySigV4({ method: req.method ?? 'GET', url: req.url ?? '/', rawHeaders: req.rawHeaders, body }, options.credentials, now());
      if (!verified.ok) {
        sendEdgeError(req, res, { status: verified.failure.status, code: json ? verified.failure.jsonCode : verified.failure.queryCode, message: verified.failure.message }, { json });
        return;
      }
      next(replayRequest(req, body), res);
    }, () => res.destroy());
  };
}

/** What gives a request away as sent by a web browser (every browser request carries one of them), if anything. */
function browserMark(req: IncomingMessage): string | undefined {
  if (req.method === 'OPTIONS') return 'a CORS preflight';
  if (req.headers.origin !== undefined) return `Origin: ${req.headers.origin}`;
  if (req.headers.referer !== undefined) return 'a Referer header';
  // Browsers send Sec-Fetch-Site with every request; Node's fetch sends Sec-Fetch-Mode alone, and is no browser.
  const fetchHeader = ['sec-fetch-site', 'sec-fetch-dest', 'sec-fetch-user'].find((name) => req.headers[name] !== undefined);
  return fetchHeader ? `a ${fetchHeader} header` : undefined;
}

function isJson(req: IncomingMessage): boolean {
  const { service } = serviceOfRequest(req);
  return (service !== undefined && JSON_SERVICES.has(service)) || req.headers['x-amz-target'] !== undefined || String(req.headers['content-type'] ?? '').includes('json');
}
