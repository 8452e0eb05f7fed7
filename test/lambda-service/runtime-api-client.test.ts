import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error: plain JavaScript of the runtime (it runs in the function's process), without types
import { runtimeApiClient } from '../../harness/lambda-service/runtime/runtimeApiClient.mjs';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}
type Request = (method: string, path: string, body?: string | Buffer, headers?: Record<string, string>) => Promise<Answer>;

describe("the bootstrap's Runtime API client", () => {
  let server: Server | undefined;
  const connections: unknown[] = [];
  const seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: Buffer }[] = [];

  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    connections.length = 0;
    seen.length = 0;
  });

  async function serve(answer: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void): Promise<{ port: number }> {
    server = createServer({ keepAliveTimeout: 0 }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        answer(req, body, res);
      });
    });
    server.on('connection', (socket) => connections.push(socket));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port };
  }

  it('sends requests with their headers and body over one kept-alive connection and reads the answers whole', async () => {
    const large = Buffer.alloc(7 * 1024 * 1024, 'x'); // many chunks on the wire
    const { port } = await serve((req, body, res) => {
      const text = req.url === '/large' ? large : Buffer.from(JSON.stringify({ echoed: body.toString('utf8') }));
      res.writeHead(req.url === '/large' ? 200 : 202, { 'content-type': 'application/json', 'content-length': text.byteLength, 'x-answer': 'yes' });
      res.end(text);
    });
    const request = runtimeApiClient({ host: '127.0.0.1', port, fixedHeaders: { 'x-secret': 's3cret' }, onLost: () => {} }) as Request;

    const first = await request('POST', '/post', '{"a":1}', { 'content-type': 'application/json' });
    const second = await request('GET', '/large');
    const third = await request('GET', '/next');

    expect(first.status).toBe(202);
    expect(first.headers['x-answer']).toBe('yes');
    expect(JSON.parse(first.body.toString('utf8'))).toEqual({ echoed: '{"a":1}' });
    expect(second.body.equals(large)).toBe(true);
    expect(JSON.parse(third.body.toString('utf8'))).toEqual({ echoed: '' });
    expect(seen.map((request) => [request.method, request.url])).toEqual([['POST', '/post'], ['GET', '/large'], ['GET', '/next']]);
    expect(seen.every((request) => request.headers['x-secret'] === 's3cret')).toBe(true);
    expect(seen[0]?.headers['content-length']).toBe('7');
    expect(connections).toHaveLength(1);
  });

  it('opens a second connection for a request while another one waits, and drops control characters from header values', async () => {
    let parked: ServerResponse | undefined;
    const { port } = await serve((req, _body, res) => {
      if (req.url === '/park') {
        parked = res;
        return;
      }
      res.writeHead(202, { 'content-length': 0 });
      res.end();
    });
    const request = runtimeApiClient({ host: '127.0.0.1', port, onLost: () => {} }) as Request;

    const waiting = request('GET', '/park');
    const posted = await request('POST', '/error', '{}', { 'lambda-runtime-function-error-type': 'Evil\r\nx-injected: 1' });
    parked?.writeHead(200, { 'content-length': 2 });
    parked?.end('ok');

    expect(posted.status).toBe(202);
    expect((await waiting).body.toString('utf8')).toBe('ok');
    expect(connections).toHaveLength(2);
    const errorPost = seen.find((request) => request.url === '/error');
    expect(errorPost?.headers['lambda-runtime-function-error-type']).toBe('Evilx-injected: 1');
    expect(errorPost?.headers['x-injected']).toBeUndefined();
  });

  it('says the Runtime API is lost when a connection closes under a waiting request', async () => {
    const { port } = await serve((_req, _body, res) => res.destroy());
    const lost = Promise.withResolvers<undefined>();
    const request = runtimeApiClient({ host: '127.0.0.1', port, onLost: () => lost.resolve(undefined) }) as Request;

    void request('GET', '/next');

    await expect(lost.promise).resolves.toBeUndefined();
  });
});
