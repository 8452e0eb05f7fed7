import { ResourceNotFoundException, ServiceException } from '../errors.ts';
import type { FunctionStore } from '../functions/FunctionStore.ts';
import type { LogBook } from '../logs/LogBook.ts';
import { EnvironmentPool } from './EnvironmentPool.ts';
import { ExecutionEnvironment, INIT_LIMIT_SECONDS, type InvocationRequest, type InvocationResult } from './ExecutionEnvironment.ts';
import type { FunctionCredentials } from './environmentVariables.ts';
import type { SandboxIdentities } from './SandboxIdentities.ts';

/** Environments per function when it has no reserved concurrency (a resource cap, not an AWS limit). */
export const DEFAULT_CONCURRENCY = 10;
/**
 * How long a synchronous or event source mapping invocation waits for a slot
 * of a function with reserved concurrency before it is throttled (a mapping's
 * batch must not outlive its visibility timeout waiting; Lambda throttles it).
 */
export const THROTTLE_AFTER_MS = 1000;

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
    // Event invocations queue (Lambda queues them internally); the others may be throttled, and wait
    // for an environment no longer than one could take to start and run (init limit plus timeout).
    return this.#pool(functionName).invoke(request, source === 'Event' ? {} : {
      throttleAfterMs: THROTTLE_AFTER_MS,
      maxWaitMs: (INIT_LIMIT_SECONDS + fn.timeout) * 1000,
    });
  }

  /** The function changed: environments of an older generation are retired, a new concurrency applies. */
  refresh(functionName: string): void {
    this.#pools.get(functionName)?.retire();
  }

  /** The function is deleted: its environments are killed, queued invocations fail. */
  remove(functionName: string, functionArn: string): void {
    this.#pools.get(functionName)?.dispose(ResourceNotFoundException.forFunction(functionArn));
    this.#pools.delete(functionName);
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
        createEnvironment: (fn, listener) => {
          const identity = identities?.forEnvironment(fn.name);
          const env = new ExecutionEnvironment({
            fn, nodeBinary, nodeVersion, region, awsEndpointUrl, logBook, listener, credentials, ...(identity ? { identity } : {}),
          });
          this.#live.add(env);
          void env.exited.then(() => this.#live.delete(env));
          return env;
        },
      });
      this.#pools.set(functionName, pool);
    }
    return pool;
  }
}
