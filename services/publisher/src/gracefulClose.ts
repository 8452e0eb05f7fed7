import type { Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface GracefulCloseOptions {
  /** After this, connections still busy are destroyed. */
  timeoutMs: number;
  logger?: Logger;
}

/**
 * Returns `close()` for `server`: stop accepting connections, let in-flight requests finish,
 * drop each keep-alive connection as soon as it goes idle (instead of after keepAliveTimeout),
 * and destroy whatever is still open at the deadline. Call it right after creating the server.
 */
export function gracefulClose(server: Server, options: GracefulCloseOptions): () => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  let closing: Promise<void> | undefined;

  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    if (closing) response.shouldKeepAlive = false;
    response.once('close', () => {
      inFlight.delete(response);
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  return async function close() {
    closing ??= new Promise<void>((resolve, reject) => {
      // Answers not yet started go out with `Connection: close`.
      for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
      const deadline = setTimeout(() => {
        options.logger?.warn({ inFlight: inFlight.size, timeoutMs: options.timeoutMs }, 'shutdown deadline reached; closing busy connections');
        server.closeAllConnections();
      }, options.timeoutMs);
      server.close((error) => {
        clearTimeout(deadline);
        if (error) reject(error);
        else resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
}
