import { API_KEY_HEADER, CORRELATION_ID_HEADER } from '../../contracts/index.ts';

export interface PostOptions {
  body: string;
  contentType: string;
  correlationId: string;
  /** Sent as X-Api-Key when given. */
  apiKey?: string;
}

/** What came back from the publisher, with the harness clock around the request. */
export interface HttpResult {
  status: number;
  contentType: string;
  /** Parsed JSON when the response is JSON (including problem+json), else `undefined`. */
  json: unknown;
  text: string;
  /** Epoch ms before sending and after the whole response was read. */
  postedAt: number;
  answeredAt: number;
}

/** `POST /orders` with exactly the given bytes and headers, so refused requests can be sent as they are. */
export async function postOrder(apiUrl: string, options: PostOptions): Promise<HttpResult> {
  const headers: Record<string, string> = { 'content-type': options.contentType, [CORRELATION_ID_HEADER]: options.correlationId };
  if (options.apiKey !== undefined) headers[API_KEY_HEADER] = options.apiKey;
  const postedAt = Date.now();
  const response = await fetch(new URL('/orders', apiUrl), { method: 'POST', headers, body: options.body });
  const text = await response.text();
  const answeredAt = Date.now();
  const contentType = response.headers.get('content-type') ?? '';
  let json: unknown;
  if (/json/i.test(contentType)) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, contentType, json, text, postedAt, answeredAt };
}
