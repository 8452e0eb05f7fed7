import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from '../http/listenOnLoopback.ts';
import { readCappedBody } from '../http/readCappedBody.ts';
import { sendEdgeError } from './edgeErrors.ts';
import { EdgeStats } from './EdgeStats.ts';
import type { RequestGate } from './requestGate.ts';
import { serviceOfRequest } from './serviceOfRequest.ts';
import type { EmulatedService } from './types.ts';

export interface EdgeOptions {
  services: readonly EmulatedService[];
  /** Default 127.0.0.1: the emulator is never exposed to the network. */
  host?: string;
  port?: number;
  /** What every request passes first (browser-origin refusal, SigV4); none by default. */
  gate?: RequestGate;
}

/** One loopback endpoint for every emulated AWS service, like LocalStack's 4566. */
export interface Edge extends AsyncDisposable {
  /** `http://127.0.0.1:<port>`: the `AWS_ENDPOINT_URL` of every service. */
  readonly url: string;
  /** Requests answered and time spent, per service. */
  readonly stats: EdgeStats;
  close(): Promise<void>;
}

/** Bytes of an unroutable request's body read to find its Query `Action`; the rest is drained unread. */
const ACTION_PEEK_BYTES = 65_536;

/** `action X` from the target, query or a form body, else the method and path: what the error names. */
async function describeUnroutable(req: IncomingMessage, action: string | undefined): Promise<string> {
  if (!action && String(req.headers['content-type'] ?? '').includes('x-www-form-urlencoded')) {
    const { body } = await readCappedBody(req, ACTION_PEEK_BYTES);
    action = new URLSearchParams(body.toString('utf8')).get('Action') ?? undefined;
  }
  return action ? `action ${action}` : `${req.method ?? 'GET'} ${new URL(req.url ?? '/', 'http://edge').pathname}`;
}

/** The one place that decides which service answers a request. */
export function createEdgeHandler(
  services: readonly EmulatedService[],
  stats?: EdgeStats,
  gate?: RequestGate,
): (req: IncomingMessage, res: ServerResponse) => void {
  const bySigningName = new Map(services.map((service) => [service.signingName, service]));
  const known = [...bySigningName.keys()].sort().join(', ');
  const route = (req: IncomingMessage, res: ServerResponse): void => {
    const { service, action } = serviceOfRequest(req);
    const target = service ? bySigningName.get(service) : undefined;
    if (target) {
      if (stats) {
        const began = performance.now();
        res.once('close', () => stats.record(target.signingName, performance.now() - began));
      }
      target.handle(req, res);
      return;
    }
    void describeUnroutable(req, action).then((what) => sendEdgeError(req, res, service
      ? { status: 400, code: 'UnknownService', message: `The embedded stack does not emulate the service "${service}" (${what}); it emulates ${known}.` }
      : { status: 400, code: 'MissingAuthenticationToken', message: `Request is not signed with AWS Signature Version 4, so the embedded stack cannot tell which service it is for (${what}).` }));
  };
  return gate ? (req, res) => gate(req, res, route) : route;
}

/** Starts the edge on loopback; the services keep their own endpoints too. */
export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const stats = new EdgeStats();
  const { server, url } = await listenOnLoopback(createEdgeHandler(options.services, stats, options.gate), options);
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return { url, stats, close, [Symbol.asyncDispose]: close };
}
