import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from 'fauxqs';
import type { RequestGate } from '../edge/requestGate.ts';
import { SERVER_TIMEOUTS } from '../http/serverTimeouts.ts';
import type { ServiceHandler } from '../edge/types.ts';
import { createFauxqsStores, installFauxqsAdditions } from './fauxqs-additions/index.ts';
import type { DeadLetterSources } from './fauxqs-additions/sqs/deadLetterMoves.ts';
import type { SqsStore } from './fauxqs-additions/types.ts';

export interface LoopbackFauxqs extends AsyncDisposable {
  /** http://127.0.0.1:PORT, the SNS and SQS endpoint. */
  url: string;
  /** Answers one SNS or SQS request in this process, through the app's routing and hooks (for the edge). */
  routing: ServiceHandler;
  /** The SQS store this fauxqs serves and its dead-letter moves, for readers in this process (the Lambda pollers). */
  sqs: { store: SqsStore; deadLetters: DeadLetterSources | undefined };
  close(): Promise<void>;
}

export interface StartLoopbackFauxqsOptions {
  region?: string;
  port?: number;
  /** What requests to fauxqs's own port pass first (SigV4, browser refusal); none by default. */
  gate?: RequestGate;
}

/**
 * fauxqs in library mode, bound to loopback. `startFauxqs` listens on 0.0.0.0, which would expose the
 * emulator to the network, so this builds its app and serves its routing on 127.0.0.1 itself. Queue URLs then name
 * the request host (127.0.0.1:PORT), which always resolves.
 */
export async function startLoopbackFauxqs(options: StartLoopbackFauxqsOptions = {}): Promise<LoopbackFauxqs> {
  const stores = await createFauxqsStores();
  // Without a host of its own, fauxqs names queues after the host each request reached (127.0.0.1:PORT of
  // fauxqs or of the one endpoint), which resolves; its default builds sqs.<region>.localhost:PORT, which need not.
  stores.sqsStore.host = '';
  const app = buildApp({ logger: false, stores, ...(options.region ? { defaultRegion: options.region } : {}) });
  // What the Terraform provider and AWS fidelity need beyond fauxqs: harness/embedded/fauxqs-additions/README.md.
  const { deadLetters } = installFauxqsAdditions(app, stores);
  await app.ready();
  // Its own loopback server, rather than app.listen, so that every request passes the gate first.
  const routing: ServiceHandler = (req, res) => app.routing(req, res);
  const gate = options.gate;
  const server = createServer({ noDelay: true, keepAliveTimeout: 65_000, ...SERVER_TIMEOUTS }, gate ? (req, res) => gate(req, res, routing) : routing);
  const listening = Promise.withResolvers<undefined>();
  server.once('error', listening.reject);
  server.listen(options.port ?? 0, '127.0.0.1', () => listening.resolve(undefined));
  await listening.promise;
  const { port } = server.address() as AddressInfo;
  const close = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await app.close();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    routing,
    sqs: { store: stores.sqsStore, deadLetters },
    close,
    [Symbol.asyncDispose]: close,
  };
}
