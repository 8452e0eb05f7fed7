import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceHandler } from '../edge/types.ts';
import { AWS_FAULT_NAMESPACE, InternalServiceError, InvalidActionError, QueryError, RequestTooLargeError } from './queryErrors.ts';
import { decodeQueryParams, readQueryRequest } from './queryRequest.ts';
import { xmlDocument } from './xml.ts';

/** One operation: decoded Query parameters in, the SDK's output shape out (`undefined` for operations without one). */
export type QueryAction<C> = (input: unknown, context: C) => unknown;

/** An AWS Query protocol API: its version, namespace and operations. */
export interface QueryApi<C> {
  /** Namespace of responses and modeled errors, e.g. `https://iam.amazonaws.com/doc/2010-05-08/`. */
  readonly namespace: string;
  /** The one `Version` the API answers, e.g. `2010-05-08`. */
  readonly version: string;
  readonly actions: ReadonlyMap<string, QueryAction<C>>;
  readonly context: C;
  /** Code of the service's own 500 (IAM's modeled ServiceFailure, STS's InternalFailure). */
  readonly internalErrorCode: string;
}

/** Where AWS sends a request without an Action (the STS and IAM front end answers 302). */
const PRODUCT_PAGE = 'https://aws.amazon.com/iam';

/** Larger than any valid request: a policy document is at most 131072 characters, thrice that percent-encoded. */
const MAX_BODY_BYTES = 1_048_576;

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The Query protocol over HTTP: reads Action and Version from the query
 * string or form body, runs the action, and renders its output as
 * `<ActionResponse><ActionResult>..</ActionResult><ResponseMetadata>..`. The
 * one place where errors become the wire format. Never rejects and never
 * leaves a request unanswered.
 */
export function createQueryRouter<C>(api: QueryApi<C>): ServiceHandler {
  return (req, res) => {
    const requestId = randomUUID();
    answer(req, api, requestId).then(
      (reply) => send(res, requestId, reply),
      (error: unknown) => send(res, requestId, errorReply(api, error, requestId)),
    );
  };
}

async function answer<C>(req: IncomingMessage, api: QueryApi<C>, requestId: string): Promise<Reply> {
  const request = await readQueryRequest(req, MAX_BODY_BYTES);
  if (request.tooLarge) {
    throw new RequestTooLargeError(MAX_BODY_BYTES);
  }
  const action = request.params.get('Action');
  if (action === undefined) {
    const location = request.search === '' ? PRODUCT_PAGE : `${PRODUCT_PAGE}?${request.search}`;
    return { status: 302, headers: { location }, body: '' };
  }
  const version = request.params.get('Version');
  const handler = api.actions.get(action);
  if (handler === undefined || version !== api.version) {
    throw new InvalidActionError(action, version);
  }
  const output = await handler(decodeQueryParams(request.params), api.context);
  const result: (readonly [string, unknown])[] = output === undefined ? [] : [[`${action}Result`, output]];
  const body = xmlDocument(`${action}Response`, api.namespace, [...result, ['ResponseMetadata', { RequestId: requestId }]]);
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}

function errorReply<C>(api: QueryApi<C>, error: unknown, requestId: string): Reply {
  const queryError =
    error instanceof QueryError
      ? error
      : new InternalServiceError(api.internalErrorCode, `An internal error occurred: ${error instanceof Error ? error.message : String(error)}`);
  const body = xmlDocument('ErrorResponse', queryError.frontEnd ? AWS_FAULT_NAMESPACE : api.namespace, [
    [
      'Error',
      {
        Type: queryError.type,
        Code: queryError.code,
        Message: queryError.hasMessage ? queryError.message : undefined,
      },
    ],
    ['RequestId', requestId],
  ]);
  return { status: queryError.statusCode, headers: { 'content-type': 'text/xml' }, body };
}

function send(res: ServerResponse, requestId: string, reply: Reply): void {
  if (res.headersSent || res.destroyed) {
    return;
  }
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    ...reply.headers,
    'x-amzn-RequestId': requestId,
    'content-length': String(body.byteLength),
  });
  res.end(body);
}
