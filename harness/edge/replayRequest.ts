import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';

/**
 * A request whose body was read (to check its signature) and is given again to a service that reads it
 * itself: the same method, target, headers and socket, and the body as a fresh stream.
 */
export function replayRequest(original: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new PassThrough();
  replay.end(body);
  return Object.assign(replay, {
    method: original.method,
    url: original.url,
    headers: original.headers,
    rawHeaders: original.rawHeaders,
    httpVersion: original.httpVersion,
    httpVersionMajor: original.httpVersionMajor,
    httpVersionMinor: original.httpVersionMinor,
    socket: original.socket,
    connection: original.socket,
    complete: true,
    aborted: false,
    trailers: {},
    rawTrailers: [],
    setTimeout: (ms: number, callback?: () => void) => original.setTimeout(ms, callback),
  }) as unknown as IncomingMessage;
}
