import { request } from 'node:http';
import { exampleOrder } from '../../../contracts/index.ts';

/** POSTs `body` (JSON-encoded unless already a string) to /orders as application/json. */
export function postOrder(baseUrl: string, body: unknown = exampleOrder, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Body bytes the client had written when the response arrived. */
  bytesSent: number;
}

export interface StreamingPostOptions {
  headers: Record<string, string>;
  /** Written chunk by chunk until the response arrives; the request ends after the last one. */
  chunks: Iterable<string>;
}

/**
 * POSTs with node:http so the test controls framing (declared Content-Length, chunked streaming)
 * and stops writing as soon as the server answers, like a well-behaved client.
 */
export function streamingPost(url: string, options: StreamingPostOptions): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers: options.headers }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8'), bytesSent });
        req.destroy();
      });
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunks = options.chunks[Symbol.iterator]();
    const writeNext = (): void => {
      if (answered || req.destroyed) return;
      const next = chunks.next();
      if (next.done) {
        req.end();
        return;
      }
      bytesSent += Buffer.byteLength(next.value);
      req.write(next.value, () => setImmediate(writeNext));
    };
    writeNext();
  });
}
