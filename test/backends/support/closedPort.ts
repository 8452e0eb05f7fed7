import { once } from 'node:events';
import { createServer } from 'node:net';

/** A localhost port that was free a moment ago and has nothing listening on it now. */
export async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  server.close();
  await once(server, 'close');
  return address.port;
}
