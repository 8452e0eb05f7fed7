import { once } from 'node:events';
import { createServer, type Server } from 'node:http';

/** A stand-in publisher that answers GET /health with 200 and everything else with 404. */
export async function startHealthServer(): Promise<{ url: string; server: Server } & AsyncDisposable> {
  const server = createServer((request, response) => {
    response.statusCode = request.url === '/health' ? 200 : 404;
    response.end(response.statusCode === 200 ? '{"status":"ok"}' : '');
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    server,
    async [Symbol.asyncDispose]() {
      server.close();
      server.closeAllConnections();
      await once(server, 'close');
    },
  };
}
