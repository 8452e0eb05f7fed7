import { parseJsonObject, type JsonObjectProblem } from '../../http/parseJsonObject.ts';
import { InvalidRequestContentException } from '../errors.ts';

/** What a route reads its action's input from: the request, its path read by the route's pattern. */
export interface RouteRequest {
  /** The path's named groups (FunctionName, UUID, Resource), percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** Query members by name; a repeated one (UntagResource's `tagKeys`) is a list. */
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly body: Buffer;
  header(name: string): string | undefined;
}

/** Builds an action's input from the request. */
export type Parse = (request: RouteRequest) => unknown;

/** The JSON body's members, and the path's (which win). */
export function jsonInput(request: RouteRequest): unknown {
  return { ...parseJsonObject(request.body, invalidJson), ...request.params };
}

/** The query's members, and the path's (which win): the operations without a body. */
export function queryInput(request: RouteRequest): unknown {
  return { ...request.query, ...request.params };
}

/** Invoke's input: the payload is the raw body, the options come in X-Amz-* headers. */
export function invocationInput(request: RouteRequest): unknown {
  return {
    ...request.params,
    InvocationType: request.header('x-amz-invocation-type'),
    LogType: request.header('x-amz-log-type'),
    Qualifier: request.query.Qualifier,
    Payload: request.body,
  };
}

/** Lambda's wording for a body that is not a JSON object. */
function invalidJson(problem: JsonObjectProblem): InvalidRequestContentException {
  return new InvalidRequestContentException(problem.kind === 'malformed'
    ? `Could not parse request body into json: ${problem.detail}`
    : 'Could not parse request body into json: the body is not a JSON object');
}
