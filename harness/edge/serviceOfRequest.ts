import type { IncomingMessage } from 'node:http';

/** JSON-protocol target prefixes (`X-Amz-Target: <prefix>.<Action>`) and the service each names. */
const targetPrefixes: Readonly<Record<string, string>> = {
  AmazonSQS: 'sqs',
  Logs_20140328: 'logs',
};

/** REST paths of the Lambda API (its operations are versioned by date). */
const lambdaPath = /^\/20\d\d-\d\d-\d\d\/(functions|event-source-mappings|tags|layers|account-settings)(\/|$)/;

/** What a request says about itself: the service it is meant for and, where it names one, its action. */
export interface RequestIdentity {
  service: string | undefined;
  action: string | undefined;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The AWS service a request is signed for: the service of its SigV4 credential scope
 * (`Credential=<key>/<date>/<region>/<service>/aws4_request`, in the Authorization header or a presigned
 * URL's `X-Amz-Credential`), else its `X-Amz-Target` prefix, else its path. Reads no body.
 */
export function serviceOfRequest(req: IncomingMessage): RequestIdentity {
  const url = new URL(req.url ?? '/', 'http://edge');
  const target = header(req, 'x-amz-target');
  const action = target?.split('.').at(-1) ?? url.searchParams.get('Action') ?? undefined;
  const credential = /Credential=([^,\s]+)/.exec(header(req, 'authorization') ?? '')?.[1] ?? url.searchParams.get('X-Amz-Credential') ?? undefined;
  const scoped = credential?.split('/')[3];
  if (scoped) return { service: scoped, action };
  const prefix = target?.split('.')[0];
  if (prefix && targetPrefixes[prefix]) return { service: targetPrefixes[prefix], action };
  if (lambdaPath.test(url.pathname)) return { service: 'lambda', action };
  return { service: undefined, action };
}
