// The bootstrap's HTTP/1.1 client for its Runtime API. Plain JavaScript: it runs in the function's process.
//
// Node's http client (ClientRequest, Agent, IncomingMessage streams) was the bootstrap's largest cost per
// invocation in an environment's CPU profile: two requests per invocation (/next and the result post). The
// Runtime API is one server on loopback that frames every answer with Content-Length, so this client needs
// no more than that: keep-alive connections (one in practice, since requests follow each other), one request
// at a time on each, a response read as head + Content-Length bytes. AWS's own runtime interface client does
// not use Node's http for /next either (it has a native one).
// As `require` gives it (no ES module facade to build in each cold start, see bootstrap.mjs).
const net = process.getBuiltinModule('node:net');

const HEAD_END = Buffer.from('\r\n\r\n');
// Header values as RFC 9110 allows them (no CR, LF or other controls): what a handler names its error is copied
// into one, and must not add headers of its own.
const INVALID_VALUE_CHARS = /[^\t\x20-\x7e\x80-\xff]/g;

/**
 * A client for `host:port`: `request(method, path, body?, headers?)` resolves with `{ status, headers, body }`
 * (header names lower-cased, body a Buffer). `fixedHeaders` go on every request. A connection lost while a
 * request waits on it (the service closed the Runtime API, or died) calls `onLost` instead of answering.
 */
export function runtimeApiClient({ host, port, fixedHeaders = {}, onLost }) {
  const fixed = Object.entries(fixedHeaders).map(([name, value]) => headerLine(name, value)).join('');
  const hostLine = `host: ${host}:${port}\r\n`;
  /** Connections with no request on them. */
  const idle = [];

  function connect() {
    const socket = net.connect({ host, port, noDelay: true });
    const connection = { socket, received: [], receivedBytes: 0, waiting: undefined };
    socket.on('data', (chunk) => onData(connection, chunk));
    socket.on('error', () => {}); // 'close' follows and says what it means
    socket.on('close', () => {
      const index = idle.indexOf(connection);
      if (index >= 0) idle.splice(index, 1);
      if (connection.waiting) onLost();
    });
    return connection;
  }

  function onData(connection, chunk) {
    connection.received.push(chunk);
    connection.receivedBytes += chunk.length;
    const waiting = connection.waiting;
    if (!waiting) return;
    if (waiting.head === undefined) {
      const data = flatten(connection);
      const headEnd = data.indexOf(HEAD_END);
      if (headEnd < 0) return;
      waiting.head = parseHead(data.toString('latin1', 0, headEnd));
      waiting.bodyStart = headEnd + HEAD_END.length;
      if (waiting.head === undefined) {
        connection.socket.destroy();
        return;
      }
    }
    const { status, headers, length } = waiting.head;
    const bodyEnd = waiting.bodyStart + length;
    // A large body comes in many chunks: they are joined once, when all of it is there.
    if (connection.receivedBytes < bodyEnd) return;
    const data = flatten(connection);
    const rest = data.subarray(bodyEnd);
    connection.received = rest.length > 0 ? [rest] : [];
    connection.receivedBytes = rest.length;
    connection.waiting = undefined;
    // An idle connection must not keep the event loop alive (as Node's Agent unrefs its free sockets): a
    // handler whose promise never settles is detected by the loop emptying.
    connection.socket.unref();
    idle.push(connection);
    waiting.resolve({ status, headers, body: data.subarray(waiting.bodyStart, bodyEnd) });
  }

  return function request(method, path, body, headers = {}) {
    const { promise, resolve } = Promise.withResolvers();
    const payload = body === undefined ? undefined : Buffer.from(body);
    const connection = idle.pop() ?? connect();
    connection.waiting = { resolve, head: undefined, bodyStart: 0 };
    let head = `${method} ${path} HTTP/1.1\r\n${hostLine}${fixed}`;
    for (const [name, value] of Object.entries(headers)) head += headerLine(name, value);
    if (payload) head += `content-length: ${payload.byteLength}\r\n`;
    head += '\r\n';
    const { socket } = connection;
    socket.ref();
    socket.cork();
    socket.write(head, 'latin1');
    if (payload) socket.write(payload);
    socket.uncork();
    return promise;
  };
}

function flatten(connection) {
  if (connection.received.length !== 1) connection.received = [Buffer.concat(connection.received)];
  return connection.received[0];
}

function headerLine(name, value) {
  return `${name}: ${String(value).replace(INVALID_VALUE_CHARS, '')}\r\n`;
}

/** Status, lower-cased headers and Content-Length of a response head, or undefined when it is not one this client reads. */
function parseHead(text) {
  const lines = text.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1]);
  if (!status) return undefined;
  const headers = {};
  for (let i = 1; i < lines.length; i += 1) {
    const colon = lines[i].indexOf(':');
    if (colon > 0) headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
  }
  // Every answer of the Runtime API has a Content-Length (no chunked framing); one without it has no body.
  if (headers['transfer-encoding'] !== undefined) return undefined;
  const length = Number(headers['content-length'] ?? 0);
  return Number.isSafeInteger(length) && length >= 0 ? { status, headers, length } : undefined;
}
