import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvocationResponse } from '@aws-sdk/client-lambda';
import type { Action, ActionContext } from './actions/ActionContext.ts';
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
import {
  AwsError,
  InvalidRequestContentException,
  RequestTooLargeException,
  ServiceException,
  UnknownOperationException,
} from './errors.ts';
import { parseJsonObject, type JsonObjectProblem } from '../http/parseJsonObject.ts';
import { readCappedBody } from '../http/readCappedBody.ts';

/** What a route reads its action's input from. */
type InputSource = 'json' | 'query' | 'invoke';

interface Route {
  readonly operation: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly action: Action<unknown>;
  readonly status: number;
  readonly input: InputSource;
  /** Lambda's request size limit of the operation. */
  readonly maxBodyBytes: number;
}

const JSON_LIMIT = 1_048_576;
/** Lambda's limit for a request carrying a base64 zip. */
const CODE_LIMIT = 69_905_067;
const FN = '(?<FunctionName>[^/]+)';
const ESM = '(?<UUID>[^/]+)';
const RESOURCE = '(?<Resource>[^/]+)';

function route(
  operation: string,
  method: string,
  path: string,
  action: Action<unknown>,
  options: { status?: number; input?: InputSource; maxBodyBytes?: number } = {},
): Route {
  return {
    operation,
    method,
    pattern: new RegExp(`^${path}/?$`),
    action,
    status: options.status ?? 200,
    input: options.input ?? (method === 'GET' || method === 'DELETE' ? 'query' : 'json'),
    maxBodyBytes: options.maxBodyBytes ?? JSON_LIMIT,
  };
}

const ROUTES: readonly Route[] = [
  route('CreateFunction', 'POST', '/2015-03-31/functions', createFunction, { status: 201, maxBodyBytes: CODE_LIMIT }),
  route('ListFunctions', 'GET', '/2015-03-31/functions', listFunctions),
  route('GetFunction', 'GET', `/2015-03-31/functions/${FN}`, getFunction),
  route('DeleteFunction', 'DELETE', `/2015-03-31/functions/${FN}`, deleteFunction, { status: 204 }),
  route('GetFunctionConfiguration', 'GET', `/2015-03-31/functions/${FN}/configuration`, getFunctionConfiguration),
  route('UpdateFunctionConfiguration', 'PUT', `/2015-03-31/functions/${FN}/configuration`, updateFunctionConfiguration),
  route('UpdateFunctionCode', 'PUT', `/2015-03-31/functions/${FN}/code`, updateFunctionCode, { maxBodyBytes: CODE_LIMIT }),
  route('ListVersionsByFunction', 'GET', `/2015-03-31/functions/${FN}/versions`, listVersionsByFunction),
  route('GetFunctionCodeSigningConfig', 'GET', `/2020-06-30/functions/${FN}/code-signing-config`, getFunctionCodeSigningConfig),
  route('Invoke', 'POST', `/2015-03-31/functions/${FN}/invocations`, invoke, {
    input: 'invoke',
    maxBodyBytes: MAX_SYNC_PAYLOAD_BYTES,
  }),
  route('PutFunctionConcurrency', 'PUT', `/2017-10-31/functions/${FN}/concurrency`, putFunctionConcurrency),
  route('DeleteFunctionConcurrency', 'DELETE', `/2017-10-31/functions/${FN}/concurrency`, deleteFunctionConcurrency, {
    status: 204,
  }),
  route('GetFunctionConcurrency', 'GET', `/2019-09-30/functions/${FN}/concurrency`, getFunctionConcurrency),
  route('ListTags', 'GET', `/2017-03-31/tags/${RESOURCE}`, listTags),
  route('TagResource', 'POST', `/2017-03-31/tags/${RESOURCE}`, tagResource, { status: 204 }),
  route('UntagResource', 'DELETE', `/2017-03-31/tags/${RESOURCE}`, untagResource, { status: 204 }),
  route('CreateEventSourceMapping', 'POST', '/2015-03-31/event-source-mappings', createEventSourceMapping, { status: 202 }),
  route('ListEventSourceMappings', 'GET', '/2015-03-31/event-source-mappings', listEventSourceMappings),
  route('GetEventSourceMapping', 'GET', `/2015-03-31/event-source-mappings/${ESM}`, getEventSourceMapping),
  route('UpdateEventSourceMapping', 'PUT', `/2015-03-31/event-source-mappings/${ESM}`, updateEventSourceMapping, {
    status: 202,
  }),
  route('DeleteEventSourceMapping', 'DELETE', `/2015-03-31/event-source-mappings/${ESM}`, deleteEventSourceMapping, {
    status: 202,
  }),
];

/**
 * The Lambda REST API: maps method and path to an action, builds the
 * action's input from path, query, headers and body, and renders its
 * output. The one place where errors become Lambda's wire format.
 */
export function createRouter(context: Omit<ActionContext, 'requestId'>): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = randomUUID();
    handle(req, { ...context, requestId }).then(
      (reply) => send(res, requestId, reply),
      (error: unknown) => send(res, requestId, errorReply(error)),
    );
  };
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

async function handle(req: IncomingMessage, ctx: ActionContext): Promise<Reply> {
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
  const body = await readBody(req, found);
  const query = queryMembers(url.searchParams);
  let input: unknown;
  if (found.input === 'invoke') {
    input = {
      ...params,
      InvocationType: header(req, 'x-amz-invocation-type'),
      LogType: header(req, 'x-amz-log-type'),
      Qualifier: query.Qualifier,
      Payload: body,
    };
  } else if (found.input === 'query') {
    input = { ...query, ...params };
  } else {
    input = { ...parseJsonObject(body, invalidJson), ...params };
  }
  const output = await found.action(input, ctx);
  if (found.input === 'invoke') {
    return invokeReply(output as InvocationResponse);
  }
  if (found.status === 204) {
    return { status: 204, headers: {}, body: Buffer.alloc(0) };
  }
  return jsonReply(found.status, output ?? {});
}

function invokeReply(output: InvocationResponse): Reply {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (output.FunctionError) {
    headers['x-amz-function-error'] = output.FunctionError;
  }
  if (output.LogResult !== undefined) {
    headers['x-amz-log-result'] = output.LogResult;
  }
  if (output.ExecutedVersion) {
    headers['x-amz-executed-version'] = output.ExecutedVersion;
  }
  const payload = output.Payload ?? new Uint8Array();
  return { status: output.StatusCode ?? 200, headers, body: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength) };
}

function jsonReply(status: number, value: unknown): Reply {
  // Lambda's JSON protocol writes timestamps as epoch seconds.
  const text = JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, item: unknown) {
    const original = this[key];
    return original instanceof Date ? original.getTime() / 1000 : item;
  });
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(text) };
}

function errorReply(error: unknown): Reply {
  const awsError = error instanceof AwsError ? error : new ServiceException(`An internal error occurred: ${String(error)}`);
  const reply = jsonReply(awsError.statusCode, awsError.toBody());
  reply.headers['x-amzn-errortype'] = awsError.code;
  Object.assign(reply.headers, awsError.extraHeaders);
  return reply;
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
    throw new RequestTooLargeException(
      `Request must be smaller than ${found.maxBodyBytes} bytes for the ${found.operation === 'Invoke' ? 'InvokeFunction' : found.operation} operation`,
    );
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

/** Lambda's wording for a body that is not a JSON object. */
function invalidJson(problem: JsonObjectProblem): InvalidRequestContentException {
  return new InvalidRequestContentException(problem.kind === 'malformed'
    ? `Could not parse request body into json: ${problem.detail}`
    : 'Could not parse request body into json: the body is not a JSON object');
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
