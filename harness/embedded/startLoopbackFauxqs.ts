import { buildApp } from 'fauxqs';
import type { ServiceHandler } from '../edge/types.ts';
import { createFauxqsStores, installFauxqsAdditions } from './fauxqs-additions/index.ts';

export interface LoopbackFauxqs extends AsyncDisposable {
  /** http://127.0.0.1:PORT, the SNS and SQS endpoint. */
  url: string;
  /** Answers one SNS or SQS request in this process, through the app's routing and hooks (for the edge). */
  routing: ServiceHandler;
  close(): Promise<void>;
}

export interface StartLoopbackFauxqsOptions {
  region?: string;
  port?: number;
}

/**
 * fauxqs in library mode, bound to loopback. `startFauxqs` listens on 0.0.0.0, which would expose the
 * emulator to the network, so this builds its app and listens on 127.0.0.1 itself. Queue URLs then name
 * the request host (127.0.0.1:PORT), which always resolves.
 */
export async function startLoopbackFauxqs(options: StartLoopbackFauxqsOptions = {}): Promise<LoopbackFauxqs> {
  const stores = await createFauxqsStores();
  // Without a host of its own, fauxqs names queues after the host each request reached (127.0.0.1:PORT of
  // fauxqs or of the one endpoint), which resolves; its default builds sqs.<region>.localhost:PORT, which need not.
  stores.sqsStore.host = '';
  const app = buildApp({ logger: false, stores, ...(options.region ? { defaultRegion: options.region } : {}) });
  // What the Terraform provider and AWS fidelity need beyond fauxqs: harness/embedded/fauxqs-additions/README.md.
  installFauxqsAdditions(app, stores);
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('fauxqs did not bind a TCP port');
  const close = async (): Promise<void> => {
    await app.close();
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    routing: (req, res) => app.routing(req, res),
    close,
    [Symbol.asyncDispose]: close,
  };
}
