import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SNSClient, type SNSClientConfig } from '@aws-sdk/client-sns';
import { pino, type Logger } from 'pino';
import { createApp } from './createApp.ts';
import { gracefulClose } from './gracefulClose.ts';
import type { SnsPublisher } from './types.ts';

export interface StartPublisherOptions {
  topicArn: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Configuration of the SNS client the publisher creates (endpoint, region, credentials); SDK defaults when absent. */
  snsClientConfig?: SNSClientConfig;
  /** A ready client instead (e.g. a mocked one); it is not destroyed on close. */
  sns?: SnsPublisher;
  apiKeys?: readonly string[];
  /** Default: JSON lines on stdout at `warn`. */
  logger?: Logger;
  publishTimeoutMs?: number;
  bodyLimitBytes?: number;
  /** How long a request may take to arrive whole before it is answered 408; default 15000. */
  requestTimeoutMs?: number;
  /** How long close() lets in-flight requests run before cutting them off; default 10000. */
  shutdownTimeoutMs?: number;
  /** How long an Idempotency-Key stands for its order, and how many keys are kept (createApp's defaults). */
  idempotencyWindowMs?: number;
  idempotencyMaxKeys?: number;
}

export interface RunningPublisher extends AsyncDisposable {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:53211 */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Graceful: refuses new connections, finishes in-flight requests, then releases the SNS client it created. */
  close(): Promise<void>;
}

/** Runs the publisher on a real port; used by `server.ts` and by the test harness in-process. */
export async function startPublisher(options: StartPublisherOptions): Promise<RunningPublisher> {
  const logger = options.logger ?? pino({ level: 'warn', name: 'publisher' });
  let ownClient: SNSClient | undefined;
  let sns: SnsPublisher;
  if (options.sns === undefined) sns = ownClient = new SNSClient(options.snsClientConfig ?? {});
  else sns = options.sns;
  const app = createApp({
    sns,
    topicArn: options.topicArn,
    logger,
    apiKeys: options.apiKeys,
    publishTimeoutMs: options.publishTimeoutMs,
    bodyLimitBytes: options.bodyLimitBytes,
    idempotencyWindowMs: options.idempotencyWindowMs,
    idempotencyMaxKeys: options.idempotencyMaxKeys,
  });
  // A request (at most 64 KiB) must arrive whole within 15 s, its headers within 5 s: a client trickling a
  // body gets 408 and its connection closed instead of holding it for minutes (Node checks every second).
  const requestTimeout = options.requestTimeoutMs ?? 15_000;
  const server = createServer({ requestTimeout, headersTimeout: Math.min(5000, requestTimeout), connectionsCheckingInterval: 1000 }, app.callback());
  const closeServer = gracefulClose(server, { timeoutMs: options.shutdownTimeoutMs ?? 10_000, logger });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    ownClient?.destroy();
    throw error;
  }

  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(address.address)}:${address.port}`;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= closeServer().finally(() => {
      ownClient?.destroy();
    }));
  return { url, port: address.port, server, close, [Symbol.asyncDispose]: close };
}

/** A URL host that reaches a server bound to `address` from this machine. */
function urlHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}
