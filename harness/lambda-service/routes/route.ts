import type { Action, ServiceParts } from '../actions/ActionContext.ts';
import { jsonInput, queryInput, type Parse, type RouteRequest } from './inputs.ts';
import { jsonReply, type Render, type Reply } from './replies.ts';

/** Lambda's request size limit of most operations. */
export const JSON_LIMIT = 1_048_576;

/** One operation of the REST API: where it is, how big its request may be, and its whole answer. */
export interface Route {
  readonly operation: string;
  readonly method: string;
  readonly pattern: RegExp;
  /** Lambda's request size limit of the operation. */
  readonly maxBodyBytes: number;
  /** The operation as Lambda names it when a request is past that limit. */
  readonly limitName: string;
  /** Parse, act, render. */
  answer(request: RouteRequest, ctx: ServiceParts): Promise<Reply>;
}

export interface RouteOptions<Output> {
  /** Default: the query for GET and DELETE, the JSON body otherwise. */
  parse?: Parse;
  /** Default: the output as JSON with status 200. */
  render?: Render<Output>;
  maxBodyBytes?: number;
  limitName?: string;
}

/** A route: `path` is a regular expression source with named groups, matched whole (a trailing slash allowed). */
export function route<Output>(operation: string, method: string, path: string, action: Action<Output>, options: RouteOptions<Output> = {}): Route {
  const parse = options.parse ?? (method === 'GET' || method === 'DELETE' ? queryInput : jsonInput);
  const render: Render<Output> = options.render ?? jsonReply(200);
  return {
    operation,
    method,
    pattern: new RegExp(`^${path}/?$`),
    maxBodyBytes: options.maxBodyBytes ?? JSON_LIMIT,
    limitName: options.limitName ?? operation,
    answer: async (request, ctx) => render(await action(parse(request), ctx)),
  };
}
