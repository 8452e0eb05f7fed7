import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatedService } from '../../../harness/edge/types.ts';

/** An emulated service listening on 127.0.0.1:0, as the edge would route to it. */
export interface ServedService {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `service.handle` on a free loopback port. */
export async function serveService(service: EmulatedService): Promise<ServedService> {
  const server = http.createServer(service.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A raw HTTP answer, for asserting the wire format the SDK hides. */
export interface RawReply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/** Sends one request without an SDK: a form-encoded POST by default, or a GET with `search`. */
export async function rawRequest(
  url: string,
  request: { method?: 'GET' | 'POST'; body?: string; search?: string; contentType?: string | null },
): Promise<RawReply> {
  const headers: Record<string, string> = {};
  const contentType = request.contentType === undefined ? 'application/x-www-form-urlencoded' : request.contentType;
  if (contentType !== null && request.method !== 'GET') {
    headers['content-type'] = contentType;
  }
  const response = await fetch(`${url}/${request.search === undefined ? '' : `?${request.search}`}`, {
    method: request.method ?? 'POST',
    headers,
    body: request.method === 'GET' ? undefined : (request.body ?? ''),
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}
