import { Agent, request } from 'node:http';
import { API_KEY_HEADER, exampleOrder, parseOrderAccepted, type OrderRequest } from '../../contracts/index.ts';

export interface OrderPosterOptions {
  apiUrl: string;
  apiKey?: string;
  /** Sockets kept open to the publisher; one per concurrent client. */
  maxSockets: number;
  /** Default `exampleOrder` (47.48 EUR): below the fraud-screening filter, so exactly the two unfiltered consumers see it. */
  order?: OrderRequest;
}

/** The publisher's answer to an accepted order. */
export interface Accepted {
  orderId: string;
  /** performance.now() when the 202 had been read. */
  acceptedAt: number;
}

/**
 * `POST /orders` over a keep-alive agent with a pre-serialised body: the
 * load generator shares the CPU with the system under test, so it does as
 * little as it can per request (no fetch/undici streams, no SDK).
 */
export class OrderPoster {
  readonly #agent: Agent;
  readonly #url: URL;
  readonly #body: Buffer;
  readonly #headers: Record<string, string | number>;

  constructor(options: OrderPosterOptions) {
    this.#agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets });
    this.#url = new URL('/orders', options.apiUrl);
    if (this.#url.hostname !== '127.0.0.1') {
      throw new Error(`the bench only talks to 127.0.0.1, not ${this.#url.hostname}`);
    }
    this.#body = Buffer.from(JSON.stringify(options.order ?? exampleOrder));
    this.#headers = {
      'content-type': 'application/json',
      'content-length': this.#body.byteLength,
      ...(options.apiKey ? { [API_KEY_HEADER]: options.apiKey } : {}),
    };
  }

  /** POSTs retried because the server had closed an idle keep-alive socket as the request went out. */
  retries = 0;

  /** Resolves on 202 with the order id; rejects on any other status or a network error. */
  async post(): Promise<Accepted> {
    try {
      return await this.#post();
    } catch (error) {
      // Node's documented keep-alive race: a reset on a reused socket before any response means the
      // server closed it idle and never read the request, so sending it again cannot duplicate the order.
      if (error instanceof StaleSocketError) {
        this.retries += 1;
        return this.#post();
      }
      throw error;
    }
  }

  #post(): Promise<Accepted> {
    const { promise, resolve, reject } = Promise.withResolvers<Accepted>();
    let responded = false;
    const req = request(
      { host: this.#url.hostname, port: this.#url.port, path: this.#url.pathname, method: 'POST', agent: this.#agent, headers: this.#headers },
      (res) => {
        responded = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const acceptedAt = performance.now();
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 202) {
            reject(new Error(`POST /orders answered ${res.statusCode}: ${text.slice(0, 300)}`));
            return;
          }
          const accepted = acceptedBodyOf(text);
          if (!accepted.success) {
            reject(new Error(`POST /orders answered 202 with ${accepted.error}: ${text.slice(0, 300)}`));
            return;
          }
          resolve({ orderId: accepted.data.orderId, acceptedAt });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      reject(req.reusedSocket && !responded && error.code === 'ECONNRESET' ? new StaleSocketError(error) : error);
    });
    req.end(this.#body);
    return promise;
  }

  close(): void {
    this.#agent.destroy();
  }
}

function acceptedBodyOf(text: string): ReturnType<typeof parseOrderAccepted> {
  try {
    return parseOrderAccepted(JSON.parse(text));
  } catch (error) {
    return { success: false, error: `a body that is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

class StaleSocketError extends Error {
  constructor(cause: Error) {
    super(`stale keep-alive socket: ${cause.message}`, { cause });
    this.name = 'StaleSocketError';
  }
}
