import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/** The wire shape a client expects an error in, judged from the request it sent. */
export function isJsonProtocol(req: IncomingMessage): boolean {
  const contentType = String(req.headers['content-type'] ?? '');
  return contentType.includes('json') || req.headers['x-amz-target'] !== undefined;
}

function xmlEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Answers a request the edge cannot hand to a service: JSON protocols get `{"__type", "message"}` with
 * `x-amzn-ErrorType`, everything else the Query protocol's `<ErrorResponse>`, as AWS answers an
 * unknown operation. The body is drained first so the connection stays usable.
 */
export function sendEdgeError(
  req: IncomingMessage,
  res: ServerResponse,
  error: { status: number; code: string; message: string },
  options: { json?: boolean } = {},
): void {
  req.resume();
  const requestId = randomUUID();
  const json = options.json ?? isJsonProtocol(req);
  const body = json
    ? JSON.stringify({ __type: error.code, message: error.message })
    : `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  res.writeHead(error.status, {
    'content-type': json ? 'application/x-amz-json-1.1' : 'text/xml',
    'content-length': String(Buffer.byteLength(body)),
    'x-amzn-requestid': requestId,
    ...(json ? { 'x-amzn-errortype': error.code } : {}),
  });
  res.end(body);
}
