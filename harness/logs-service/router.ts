import { randomUUID } from 'node:crypto';
import { parseJsonObject, type JsonObjectProblem } from '../http/parseJsonObject.ts';
import { readCappedBody } from '../http/readCappedBody.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLogGroup } from './actions/createLogGroup.ts';
import { createLogStream } from './actions/createLogStream.ts';
import { deleteLogGroup } from './actions/deleteLogGroup.ts';
import { deleteLogStream } from './actions/deleteLogStream.ts';
import { deleteRetentionPolicy } from './actions/deleteRetentionPolicy.ts';
import { describeLogGroups } from './actions/describeLogGroups.ts';
import { describeLogStreams } from './actions/describeLogStreams.ts';
import { filterLogEvents } from './actions/filterLogEvents.ts';
import { getLogEvents } from './actions/getLogEvents.ts';
import { listTagsForResource } from './actions/listTagsForResource.ts';
import { listTagsLogGroup } from './actions/listTagsLogGroup.ts';
import { putLogEvents } from './actions/putLogEvents.ts';
import { putLogGroupDeletionProtection } from './actions/putLogGroupDeletionProtection.ts';
import { putRetentionPolicy } from './actions/putRetentionPolicy.ts';
import { tagLogGroup } from './actions/tagLogGroup.ts';
import { tagResource } from './actions/tagResource.ts';
import { untagLogGroup } from './actions/untagLogGroup.ts';
import { untagResource } from './actions/untagResource.ts';
import { LogsError, SerializationException, ServiceUnavailableException, UnknownOperationException } from './errors.ts';
import type { LogStore } from './LogStore.ts';

/** An action: parses its input, acts on the store, returns the response body. It never sees HTTP. */
type Action = (input: unknown, store: LogStore) => object;

const ACTIONS: Readonly<Record<string, Action>> = {
  CreateLogGroup: createLogGroup,
  DeleteLogGroup: deleteLogGroup,
  DescribeLogGroups: describeLogGroups,
  PutRetentionPolicy: putRetentionPolicy,
  DeleteRetentionPolicy: deleteRetentionPolicy,
  PutLogGroupDeletionProtection: putLogGroupDeletionProtection,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  TagLogGroup: tagLogGroup,
  UntagLogGroup: untagLogGroup,
  ListTagsLogGroup: listTagsLogGroup,
  CreateLogStream: createLogStream,
  DeleteLogStream: deleteLogStream,
  DescribeLogStreams: describeLogStreams,
  PutLogEvents: putLogEvents,
  GetLogEvents: getLogEvents,
  FilterLogEvents: filterLogEvents,
};

const TARGET_PREFIX = 'Logs_20140328.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
/**
 * Far above what a valid request needs (PutLogEvents: 1 MB of messages, at
 * worst six bytes of JSON escape per byte): a bigger body is read to its
 * end, dropped and answered with an error, never held.
 */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

interface Reply {
  status: number;
  body: object;
}

/**
 * The CloudWatch Logs wire protocol (AWS JSON 1.1): `POST /` with
 * `X-Amz-Target: Logs_20140328.<Action>` and a JSON body. The one place
 * where errors become `{"__type": ..., "message": ...}`.
 */
export function createRouter(store: LogStore): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = randomUUID();
    handle(req, store).then(
      (reply) => send(res, requestId, reply),
      (error: unknown) => send(res, requestId, errorReply(error)),
    );
  };
}

async function handle(req: IncomingMessage, store: LogStore): Promise<Reply> {
  const { body, tooLarge } = await readCappedBody(req, MAX_BODY_BYTES);
  const target = header(req, 'x-amz-target') ?? '';
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  const action = req.method === 'POST' && Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
  if (!action) {
    throw new UnknownOperationException();
  }
  if (tooLarge) {
    throw new SerializationException(`The request body is larger than ${MAX_BODY_BYTES} bytes`);
  }
  return { status: 200, body: action(parseJsonObject(body, invalidJson), store) };
}

/** CloudWatch Logs' wording for a body that is not a JSON object. */
function invalidJson(problem: JsonObjectProblem): SerializationException {
  return new SerializationException(problem.kind === 'malformed' ? `Malformed JSON: ${problem.detail}` : 'The request body must be a JSON object');
}

function errorReply(error: unknown): Reply {
  const logsError = error instanceof LogsError ? error : new ServiceUnavailableException(`An internal error occurred: ${String(error)}`);
  return { status: logsError.statusCode, body: logsError.toBody() };
}

function send(res: ServerResponse, requestId: string, reply: Reply): void {
  if (res.headersSent || res.destroyed) {
    return;
  }
  const text = Buffer.from(JSON.stringify(reply.body));
  res.writeHead(reply.status, {
    'content-type': CONTENT_TYPE,
    'content-length': String(text.byteLength),
    'x-amzn-requestid': requestId,
  });
  res.end(text);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
