import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SERVER_TIMEOUTS } from './serverTimeouts.ts';

/** A listening HTTP server and its base URL. */
export interface ListeningServer {
  server: Server;
  /** `http://127.0.0.1:<port>` (IPv6 hosts in brackets). */
  url: string;
}

/**
 * An HTTP server of the embedded stack, listening on loopback by default (never exposed to the network),
 * on an ephemeral port by default, with a keep-alive long enough that SDK clients rarely reuse a socket the
 * server is closing, and the stack's request timeouts (SERVER_TIMEOUTS unless `timeouts` says otherwise).
 */
export async function listenOnLoopback(
  listener: RequestListener,
  options: { host?: string | undefined; port?: number | undefined; timeouts?: Pick<ServerOptions, 'requestTimeout' | 'headersTimeout' | 'connectionsCheckingInterval'> } = {},
): Promise<ListeningServer> {
  const server = createServer({ noDelay: true, keepAliveTimeout: 65_000, ...(options.timeouts ?? SERVER_TIMEOUTS) }, listener);
  const listening = Promise.withResolvers<undefined>();
  server.once('error', listening.reject);
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => listening.resolve(undefined));
  await listening.promise;
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return { server, url: `http://${host}:${port}` };
}
