import { ResourceNotFoundException, ServiceException, TooManyRequestsException } from '../errors.ts';
import type { FunctionChange, FunctionRecord, FunctionStore } from '../functions/FunctionStore.ts';
import type { LogBook } from '../logs/LogBook.ts';
import { EnvironmentPool } from './EnvironmentPool.ts';
import { ExecutionEnvironment, INIT_LIMIT_SECONDS, type InvocationRequest, type InvocationResult } from './ExecutionEnvironment.ts';
import type { FunctionCredentials } from './environmentVariables.ts';
import type { SandboxIdentities } from './SandboxIdentities.ts';

/** Environments per function when it has no reserved concurrency (a resource cap, not an AWS limit). */
export const DEFAULT_CONCURRENCY = 10;
/** How long an idle environment is kept when no timing says otherwise (see FAST_TIMING). */
export const DEFAULT_IDLE_MS = 60_000;
/**
 * How long a synchronous or event source mapping invocation waits for a slot
 * of a function with reserved concurrency before it is throttled (a mapping's
 * batch must not outlive its visibility timeout waiting; Lambda throttles it).
 */
export const THROTTLE_AFTER_MS = 1000;
/**
 * Asynchronous invocations of one function held at most (waiting or running), by count and by payload
 * bytes; past either the Invoke is throttled, so the queue cannot grow without bound. Lambda's own queue
 * is unbounded, but keeps an event at most 6 hours (MaximumEventAgeInSeconds' default), as here.
 */
export const MAX_QUEUED_EVENTS = 10_000;
export const MAX_QUEUED_EVENT_BYTES = 128 * 1024 * 1024;
export const MAX_EVENT_AGE_MS = 6 * 60 * 60 * 1000;

export interface FunctionInvokerOptions {
  functions: FunctionStore;
  logBook: LogBook;
  nodeBinary: string;
  nodeVersion: string;
  region: string;
  awsEndpointUrl?: string;
  /** Users and groups the environments run as, when they run as users of their own. */
  identities?: SandboxIdentities;
  credentials: FunctionCredentials;
  /** An environment of the function is gone (its code may no longer be needed). */
  onEnvironmentExit?: (functionName: string) => void;
  /** How long an idle environment is kept, drawn each time one goes idle; default 60 s (FAST_TIMING's). */
  environmentIdleMs?: () => number;
}

/** How an invocation arrived, which decides whether it may be throttled. */
export type InvocationSource = 'RequestResponse' | 'Event' | 'EventSourceMapping';

/**
 * Runs invocations of any function in its environment pool. Used by the
 * Invoke action and, in-process, by the event source pollers.
 */
export class FunctionInvoker {
  readonly #options: FunctionInvokerOptions;
  readonly #pools = new Map<string, EnvironmentPool>();
  /** Asynchronous invocations per function not answered yet: how many, and their payload bytes. */
  readonly #events = new Map<string, { count: number; bytes: number }>();
  /** Every environment started and not yet exited, whichever pool let go of it. */
  readonly #live = new Set<ExecutionEnvironment>();
  #closed = false;

  constructor(options: FunctionInvokerOptions) {
    this.#options = options;
  }

  /** Resolves with the function's result or function error; rejects with AwsErrors (unknown function, throttled). */
  invoke(functionName: string, request: InvocationRequest, source: InvocationSource): Promise<InvocationResult> {
    if (this.#closed) {
      return Promise.reject(new ServiceException('The embedded Lambda service is closing.'));
    }
    const fn = this.#options.functions.get(functionName);
    if (!fn) {
      return Promise.reject(ResourceNotFoundException.forFunction(functionName));
    }
    if (source === 'Event') {
      return this.#invokeEvent(functionName, request);
    }
    // Synchronous ones may be throttled, and wait for an environment no longer than one could take to
    // start and run (init limit plus timeout).
    return this.#pool(functionName).invoke(request, {
      throttleAfterMs: THROTTLE_AFTER_MS,
      maxWaitMs: (INIT_LIMIT_SECONDS + fn.timeout) * 1000,
    });
  }

  /** Throws TooManyRequestsException when the function's asynchronous invocations are at their bounds. */
  checkEventCapacity(functionName: string, payloadBytes: number): void {
    const held = this.#events.get(functionName) ?? { count: 0, bytes: 0 };
    if (held.count >= MAX_QUEUED_EVENTS || held.bytes + payloadBytes > MAX_QUEUED_EVENT_BYTES) {
      throw new TooManyRequestsException('FunctionInvocationRateLimitExceeded');
    }
  }

  /** Event invocations queue (Lambda queues them internally), within bounds, for at most the maximum event age. */
  #invokeEvent(functionName: string, request: InvocationRequest): Promise<InvocationResult> {
    try {
      this.checkEventCapacity(functionName, request.payload.byteLength);
    } catch (error) {
      return Promise.reject(error);
    }
    const held = this.#events.get(functionName) ?? { count: 0, bytes: 0 };
    held.count += 1;
    held.bytes += request.payload.byteLength;
    this.#events.set(functionName, held);
    const settled = (): void => {
      held.count -= 1;
      held.bytes -= request.payload.byteLength;
      if (held.count === 0 && this.#events.get(functionName) === held) this.#events.delete(functionName);
    };
    const running = this.#pool(functionName).invoke(request, { maxWaitMs: MAX_EVENT_AGE_MS });
    running.then(settled, settled);
    return running;
  }

  /** The code folders the function's live environments run (an older version's, until they are gone). */
  codeInUse(functionName: string): Set<string> {
    const running = [...this.#live].filter((env) => env.fn.name === functionName && env.state !== 'dead' && env.state !== 'failed');
    return new Set(running.map((env) => env.fn.code.directory));
  }

  /**
   * A function was written (the store's 'function-changed'): a new code or configuration generation
   * retires the environments of the older one, a new reserved concurrency applies; other writes (tags,
   * RevisionId) leave the environments alone.
   */
  functionChanged({ current, previous }: FunctionChange): void {
    if (previous && (current.generation !== previous.generation || current.reservedConcurrency !== previous.reservedConcurrency)) {
      this.#pools.get(current.name)?.retire();
    }
  }

  /** A function was deleted (the store's 'function-deleted'): its environments are killed, queued invocations fail. */
  functionDeleted(fn: FunctionRecord): void {
    this.#pools.get(fn.name)?.dispose(ResourceNotFoundException.forFunction(fn.arn));
    this.#pools.delete(fn.name);
  }

  /**
   * Shutdown, first step: refuses new invocations, fails the queued ones (they never ran), and resolves
   * once the running ones are answered or `graceMs` has passed, whichever comes first.
   */
  async drain(graceMs: number): Promise<void> {
    this.#closed = true;
    const shuttingDown = new ServiceException('The embedded Lambda service is shutting down: the invocation did not run.');
    const running = [...this.#pools.values()].map((pool) => pool.drain(shuttingDown));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(running), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }

  /** Kills every environment and refuses later invocations; resolves when the processes are gone. */
  close(): Promise<void> {
    this.#closed = true;
    for (const [name, pool] of this.#pools) {
      pool.dispose(ResourceNotFoundException.forFunction(name));
    }
    this.#pools.clear();
    const live = [...this.#live];
    for (const env of live) {
      env.kill();
    }
    return Promise.all(live.map((env) => env.exited)).then(() => undefined);
  }

  #pool(functionName: string): EnvironmentPool {
    let pool = this.#pools.get(functionName);
    if (!pool) {
      const { functions, logBook, nodeBinary, nodeVersion, region, awsEndpointUrl, identities, credentials } = this.#options;
      pool = new EnvironmentPool({
        getFunction: () => functions.get(functionName),
        defaultConcurrency: DEFAULT_CONCURRENCY,
        idleMs: this.#options.environmentIdleMs ?? (() => DEFAULT_IDLE_MS),
        createEnvironment: (fn, listener) => {
          const identity = identities?.forEnvironment(fn.name);
          const env = new ExecutionEnvironment({
            fn, nodeBinary, nodeVersion, region, awsEndpointUrl, logBook, listener, credentials, ...(identity ? { identity } : {}),
          });
          this.#live.add(env);
          void env.exited.then(() => {
            this.#live.delete(env);
            this.#options.onEnvironmentExit?.(fn.name);
          });
          return env;
        },
      });
      this.#pools.set(functionName, pool);
    }
    return pool;
  }
}
