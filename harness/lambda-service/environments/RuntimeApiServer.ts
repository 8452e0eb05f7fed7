import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCappedBody } from '../../http/readCappedBody.ts';

/** Lambda's limit on a synchronous response payload. */
export const MAX_RESPONSE_BYTES = 6_291_556;

/** The `{errorType, errorMessage, trace}` document a Node runtime posts. */
export interface FunctionErrorBody {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

/** An invocation as the Runtime API hands it to the runtime. */
export interface RuntimeInvocation {
  requestId: string;
  payload: Buffer;
  deadlineMs: number;
  functionArn: string;
  traceId: string;
}

/** What the runtime answered for an invocation. */
export type RuntimeOutcome =
  | { kind: 'response'; payload: Buffer; maxMemoryUsedMb?: number }
  | { kind: 'error'; payload: Buffer; errorType: string; maxMemoryUsedMb?: number };

export interface RuntimeApiEvents {
  /** The runtime is waiting on `/next` with nothing to hand it. */
  onReady(): void;
  /** The runtime reported `/init/error`. */
  onInitError(payload: Buffer, errorType: string): void;
}

/** Header the bootstrap adds to its result posts where there is no /proc to read (see PeakMemory): its peak RSS in MB. */
export const MAX_MEMORY_HEADER = 'lambda-runtime-embedded-max-memory-mb';

/**
 * Header the bootstrap presents on every Runtime API request: the environment's secret, which only its
 * process gets (on a socket it inherits, never in its environment, so no other process can read it from /proc).
 */
export const RUNTIME_SECRET_HEADER = 'lambda-runtime-embedded-secret';

const PREFIX = '/2018-06-01/runtime';
const INVOCATION_PATH = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/;

/**
 * The Lambda Runtime API (`/2018-06-01/runtime/...`) of one execution
 * environment, on its own port of 127.0.0.1. It holds at most one
 * invocation: `deliver` hands it to the parked `/next` long-poll (or to the
 * next one) and resolves with what the runtime posts back. Any process can
 * reach the port, so only requests that present the environment's secret
 * are served; the others get 403 and change nothing.
 */
export class RuntimeApiServer {
  readonly #server: Server;
  readonly #secret = randomBytes(32).toString('base64url');
  readonly #secretDigest = digest(this.#secret);
  readonly #events: RuntimeApiEvents;
  #parkedNext: ServerResponse | undefined;
  #pending: RuntimeInvocation | undefined;
  #current: { requestId: string; outcome: PromiseWithResolvers<RuntimeOutcome> } | undefined;

  private constructor(events: RuntimeApiEvents) {
    this.#events = events;
    this.#server = createServer({ noDelay: true, keepAliveTimeout: 0, requestTimeout: 0 }, (req, res) => {
      try {
        this.#handle(req, res);
      } catch (error) {
        // Whatever a runtime sends must never throw out of the request handler (it would end the service's process).
        req.resume();
        if (!res.headersSent) {
          reply(res, 500, { errorMessage: `Runtime API failure: ${String(error)}`, errorType: 'ServiceException' });
        }
      }
    });
  }

  /** Starts a Runtime API server on 127.0.0.1 with an ephemeral port. */
  static async start(events: RuntimeApiEvents): Promise<RuntimeApiServer> {
    const api = new RuntimeApiServer(events);
    const { promise, resolve, reject } = Promise.withResolvers<undefined>();
    api.#server.once('error', reject);
    api.#server.listen(0, '127.0.0.1', () => resolve(undefined));
    await promise;
    return api;
  }

  /** `host:port`, the value of AWS_LAMBDA_RUNTIME_API. */
  get address(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  /** What the environment's runtime must present in RUNTIME_SECRET_HEADER. */
  get secret(): string {
    return this.#secret;
  }

  /** Hands an invocation to the runtime; resolves with its response or error. */
  deliver(invocation: RuntimeInvocation): Promise<RuntimeOutcome> {
    if (this.#current) {
      throw new Error(`runtime is busy with ${this.#current.requestId}`);
    }
    const outcome = Promise.withResolvers<RuntimeOutcome>();
    this.#current = { requestId: invocation.requestId, outcome };
    const parked = this.#parkedNext;
    this.#parkedNext = undefined;
    if (parked && !parked.destroyed) {
      this.#sendInvocation(parked, invocation);
    } else {
      this.#pending = invocation;
    }
    return outcome.promise;
  }

  close(): void {
    this.#parkedNext?.destroy();
    this.#server.close();
    this.#server.closeAllConnections();
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '';
    if (!this.#fromRuntime(req)) {
      req.resume();
      reply(res, 403, { errorMessage: 'Only the runtime of this execution environment may use its Runtime API.', errorType: 'Forbidden' });
      return;
    }
    if (req.method === 'GET' && url === `${PREFIX}/invocation/next`) {
      this.#onNext(res);
      return;
    }
    if (req.method === 'POST' && url === `${PREFIX}/init/error`) {
      readCappedBody(req, MAX_RESPONSE_BYTES).then(({ body }) => {
        reply(res, 202, { status: 'OK' });
        this.#events.onInitError(body, errorTypeOf(req, body));
      }, () => res.destroy());
      return;
    }
    const match = req.method === 'POST' ? INVOCATION_PATH.exec(url) : null;
    if (!match) {
      reply(res, 404, { errorMessage: `Unknown Runtime API path: ${req.method} ${url}`, errorType: 'InvalidRequest' });
      return;
    }
    const [, encodedId = '', kind] = match;
    const requestId = decodePathSegment(encodedId);
    const current = this.#current;
    if (requestId === undefined || !current || current.requestId !== requestId) {
      req.resume();
      reply(res, 400, { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' });
      return;
    }
    readCappedBody(req, MAX_RESPONSE_BYTES).then(({ body, tooLarge }) => {
      this.#current = undefined;
      const maxMemoryUsedMb = Number(req.headers[MAX_MEMORY_HEADER]) || undefined;
      if (tooLarge) {
        reply(res, 413, {
          errorMessage: `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
          errorType: 'RequestEntityTooLarge',
        });
        const error: FunctionErrorBody = {
          errorType: 'Function.ResponseSizeTooLarge',
          errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
        };
        current.outcome.resolve({ kind: 'error', payload: Buffer.from(JSON.stringify(error)), errorType: error.errorType, maxMemoryUsedMb });
        return;
      }
      reply(res, 202, { status: 'OK' });
      current.outcome.resolve(
        kind === 'response'
          ? { kind: 'response', payload: body, maxMemoryUsedMb }
          : { kind: 'error', payload: body, errorType: errorTypeOf(req, body), maxMemoryUsedMb },
      );
    }, () => res.destroy());
  }

  #fromRuntime(req: IncomingMessage): boolean {
    const presented = req.headers[RUNTIME_SECRET_HEADER];
    return typeof presented === 'string' && timingSafeEqual(digest(presented), this.#secretDigest);
  }

  #onNext(res: ServerResponse): void {
    const pending = this.#pending;
    if (pending) {
      this.#pending = undefined;
      this.#sendInvocation(res, pending);
      return;
    }
    this.#parkedNext?.destroy();
    this.#parkedNext = res;
    res.once('close', () => {
      if (this.#parkedNext === res) {
        this.#parkedNext = undefined;
      }
    });
    this.#events.onReady();
  }

  #sendInvocation(res: ServerResponse, invocation: RuntimeInvocation): void {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': invocation.payload.byteLength,
      'lambda-runtime-aws-request-id': invocation.requestId,
      'lambda-runtime-deadline-ms': String(invocation.deadlineMs),
      'lambda-runtime-invoked-function-arn': invocation.functionArn,
      'lambda-runtime-trace-id': invocation.traceId,
    });
    res.end(invocation.payload);
  }
}

// Equal-length digests: the comparison takes the same time whatever was presented.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function reply(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A percent-encoded path segment, or undefined when it is not valid percent-encoding (`%E0`). */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function errorTypeOf(req: IncomingMessage, body: Buffer): string {
  const header = req.headers['lambda-runtime-function-error-type'];
  if (typeof header === 'string' && header.length > 0) {
    return header;
  }
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'errorType' in parsed && typeof parsed.errorType === 'string') {
      return parsed.errorType;
    }
  } catch {
    // Not JSON: the type stays unknown.
  }
  return 'Runtime.Unknown';
}
