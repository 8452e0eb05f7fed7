import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceParts } from './actions/ActionContext.ts';
import { createEventSourceMapping } from './actions/createEventSourceMapping.ts';
import { createFunction } from './actions/createFunction.ts';
import { deleteEventSourceMapping } from './actions/deleteEventSourceMapping.ts';
import { deleteFunction } from './actions/deleteFunction.ts';
import { deleteFunctionConcurrency } from './actions/deleteFunctionConcurrency.ts';
import { getEventSourceMapping } from './actions/getEventSourceMapping.ts';
import { getFunction } from './actions/getFunction.ts';
import { getFunctionCodeSigningConfig } from './actions/getFunctionCodeSigningConfig.ts';
import { getFunctionConcurrency } from './actions/getFunctionConcurrency.ts';
import { getFunctionConfiguration } from './actions/getFunctionConfiguration.ts';
import { invoke, MAX_SYNC_PAYLOAD_BYTES } from './actions/invoke.ts';
import { listEventSourceMappings } from './actions/listEventSourceMappings.ts';
import { listFunctions } from './actions/listFunctions.ts';
import { listTags } from './actions/listTags.ts';
import { listVersionsByFunction } from './actions/listVersionsByFunction.ts';
import { putFunctionConcurrency } from './actions/putFunctionConcurrency.ts';
import { tagResource } from './actions/tagResource.ts';
import { untagResource } from './actions/untagResource.ts';
import { updateEventSourceMapping } from './actions/updateEventSourceMapping.ts';
import { updateFunctionCode } from './actions/updateFunctionCode.ts';
import { updateFunctionConfiguration } from './actions/updateFunctionConfiguration.ts';
import { InvalidRequestContentException, RequestTooLargeException, UnknownOperationException } from './errors.ts';
import { readCappedBody } from '../http/readCappedBody.ts';
import { invocationInput, type RouteRequest } from './routes/inputs.ts';
import { emptyReply, errorReply, invocationReply, jsonReply, type Reply } from './routes/replies.ts';
import { route, type Route } from './routes/route.ts';

/** Lambda's limit for a request carrying a base64 zip. */
const CODE_LIMIT = 69_905_067;
const FN = '(?<FunctionName>[^/]+)';
const ESM = '(?<UUID>[^/]+)';
const RESOURCE = '(?<Resource>[^/]+)';

const ROUTES: readonly Route[] = [
  route('CreateFunction', 'POST', '/2015-03-31/functions', createFunction, { render: jsonReply(201), maxBodyBytes: CODE_LIMIT }),
  route('ListFunctions', 'GET', '/2015-03-31/functions', listFunctions),
  route('GetFunction', 'GET', `/2015-03-31/functions/${FN}`, getFunction),
  route('DeleteFunction', 'DELETE', `/2015-03-31/functions/${FN}`, deleteFunction, { render: emptyReply }),
  route('GetFunctionConfiguration', 'GET', `/2015-03-31/functions/${FN}/configuration`, getFunctionConfiguration),
  route('UpdateFunctionConfiguration', 'PUT', `/2015-03-31/functions/${FN}/configuration`, updateFunctionConfiguration),
  route('UpdateFunctionCode', 'PUT', `/2015-03-31/functions/${FN}/code`, updateFunctionCode, { maxBodyBytes: CODE_LIMIT }),
  route('ListVersionsByFunction', 'GET', `/2015-03-31/functions/${FN}/versions`, listVersionsByFunction),
  route('GetFunctionCodeSigningConfig', 'GET', `/2020-06-30/functions/${FN}/code-signing-config`, getFunctionCodeSigningConfig),
  route('Invoke', 'POST', `/2015-03-31/functions/${FN}/invocations`, invoke, {
    parse: invocationInput,
    render: invocationReply,
    maxBodyBytes: MAX_SYNC_PAYLOAD_BYTES,
    limitName: 'InvokeFunction',
  }),
  route('PutFunctionConcurrency', 'PUT', `/2017-10-31/functions/${FN}/concurrency`, putFunctionConcurrency),
  route('DeleteFunctionConcurrency', 'DELETE', `/2017-10-31/functions/${FN}/concurrency`, deleteFunctionConcurrency, {
    render: emptyReply,
  }),
  route('GetFunctionConcurrency', 'GET', `/2019-09-30/functions/${FN}/concurrency`, getFunctionConcurrency),
  route('ListTags', 'GET', `/2017-03-31/tags/${RESOURCE}`, listTags),
  route('TagResource', 'POST', `/2017-03-31/tags/${RESOURCE}`, tagResource, { render: emptyReply }),
  route('UntagResource', 'DELETE', `/2017-03-31/tags/${RESOURCE}`, untagResource, { render: emptyReply }),
  route('CreateEventSourceMapping', 'POST', '/2015-03-31/event-source-mappings', createEventSourceMapping, { render: jsonReply(202) }),
  route('ListEventSourceMappings', 'GET', '/2015-03-31/event-source-mappings', listEventSourceMappings),
  route('GetEventSourceMapping', 'GET', `/2015-03-31/event-source-mappings/${ESM}`, getEventSourceMapping),
  route('UpdateEventSourceMapping', 'PUT', `/2015-03-31/event-source-mappings/${ESM}`, updateEventSourceMapping, {
    render: jsonReply(202),
  }),
  route('DeleteEventSourceMapping', 'DELETE', `/2015-03-31/event-source-mappings/${ESM}`, deleteEventSourceMapping, {
    render: jsonReply(202),
  }),
];

/**
 * The Lambda REST API: maps method and path to a route, which reads its
 * action's input from the request, runs the action and renders its output
 * (`routes/`). The one place where errors become Lambda's wire format.
 */
export function createRouter(parts: Omit<ServiceParts, 'requestId'>): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = randomUUID();
    handle(req, { ...parts, requestId }).then(
      (reply) => send(res, requestId, reply),
      (error: unknown) => send(res, requestId, errorReply(error)),
    );
  };
}

async function handle(req: IncomingMessage, ctx: ServiceParts): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://lambda');
  const method = req.method ?? 'GET';
  let matched: { route: Route; params: Record<string, string> } | undefined;
  for (const candidate of ROUTES) {
    const match = candidate.method === method ? candidate.pattern.exec(url.pathname) : null;
    if (match) {
      matched = { route: candidate, params: decodeParams(match.groups ?? {}) };
      break;
    }
  }
  if (!matched) {
    req.resume();
    throw new UnknownOperationException(method, url.pathname);
  }
  const { route: found, params } = matched;
  const request: RouteRequest = {
    params,
    query: queryMembers(url.searchParams),
    body: await readBody(req, found),
    header: (name) => header(req, name),
  };
  return found.answer(request, ctx);
}

function send(res: ServerResponse, requestId: string, reply: Reply): void {
  if (res.headersSent || res.destroyed) {
    return;
  }
  res.writeHead(reply.status, {
    ...reply.headers,
    'x-amzn-requestid': requestId,
    'content-length': String(reply.body.byteLength),
  });
  res.end(reply.body);
}

async function readBody(req: IncomingMessage, found: Route): Promise<Buffer> {
  const { body, tooLarge } = await readCappedBody(req, found.maxBodyBytes);
  if (tooLarge) {
    throw new RequestTooLargeException(`Request must be smaller than ${found.maxBodyBytes} bytes for the ${found.limitName} operation`);
  }
  return body;
}

/** Query members by name; a repeated one (UntagResource's `tagKeys`) becomes a list. */
function queryMembers(params: URLSearchParams): Record<string, string | string[]> {
  const members: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    members[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return members;
}

function decodeParams(groups: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(groups)) {
    try {
      params[key] = decodeURIComponent(value);
    } catch {
      throw new InvalidRequestContentException(`Malformed path parameter ${key}: ${value}`);
    }
  }
  return params;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
