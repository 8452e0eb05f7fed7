import { ResourceNotFoundException, TooManyRequestsException, type AwsError } from '../errors.ts';
import type { FunctionRecord } from '../functions/FunctionStore.ts';
import type {
  EnvironmentListener,
  ExecutionEnvironment,
  InvocationRequest,
  InvocationResult,
} from './ExecutionEnvironment.ts';

export interface PoolOptions {
  /** The function as it is now (undefined once deleted). */
  getFunction(): FunctionRecord | undefined;
  createEnvironment(fn: FunctionRecord, listener: EnvironmentListener): ExecutionEnvironment;
  /** Environments per function when no reserved concurrency is set. */
  defaultConcurrency: number;
  /** How long an environment may wait for work before it is shut down (drawn each time it goes idle). */
  idleMs(): number;
}

export interface SubmitOptions {
  /**
   * Synchronous and event source mapping invocations: when the function has
   * reserved concurrency and no environment frees up within this many ms, the
   * invocation is throttled (TooManyRequestsException) as Lambda would; with
   * reserved concurrency 0 at once. Without it (Event) they wait their turn.
   */
  throttleAfterMs?: number;
  /**
   * The longest an invocation may wait for an environment, whatever the concurrency: past it, it leaves
   * the queue throttled (ConcurrentInvocationLimitExceeded), so no invocation waits without a deadline.
   */
  maxWaitMs?: number;
}

interface Queued {
  request: InvocationRequest;
  deferred: PromiseWithResolvers<InvocationResult>;
  timers: NodeJS.Timeout[];
  /** Times it was handed to an environment that died before its runtime took it. */
  redeliveries: number;
}

/**
 * An invocation handed to an environment that dies before taking it goes to
 * another one; once more than this, the exit is its result (a function whose
 * runtime dies as soon as it is ready must fail, not cold-start forever).
 */
const MAX_REDELIVERIES = 1;

/**
 * The execution environments of one function. Warm environments are reused
 * (most recently used first); new ones are started while under the
 * function's concurrency (reserved, else a default); beyond it invocations
 * queue. An invocation is only handed to a runtime waiting on /next, and
 * one handed to an environment that dies before its runtime takes it runs
 * in another, so an environment that dies between two invocations costs a
 * cold start, never an invocation. Environments of an older code or configuration generation
 * are retired as soon as they are idle. Environments start only for invocations waiting (so as many run
 * as invocations are in flight, up to the cap), and one left idle longer than `idleMs` is shut down, as
 * Lambda reclaims idle ones: the next invocation then cold-starts. Only an environment parked on /next
 * with nothing handed to it is reaped; handing it an invocation and stopping its idle clock are one step.
 */
export class EnvironmentPool {
  readonly #options: PoolOptions;
  readonly #environments = new Set<ExecutionEnvironment>();
  readonly #ready: ExecutionEnvironment[] = [];
  /** The idle clock of each environment in #ready. */
  readonly #idleTimers = new Map<ExecutionEnvironment, NodeJS.Timeout>();
  readonly #queue: Queued[] = [];
  /** Invocations handed to an environment and not answered yet. */
  readonly #running = new Set<Promise<unknown>>();
  readonly #listener: EnvironmentListener;
  /** Set once disposed: what queued invocations fail with. */
  #disposedWith: AwsError | undefined;

  constructor(options: PoolOptions) {
    this.#options = options;
    this.#listener = {
      onReady: (env) => this.#onReady(env),
      onInitFailure: (env) => this.#onInitFailure(env),
      onExit: (env) => {
        this.#remove(env);
        this.#pump();
      },
    };
  }

  /** Number of live environments (busy, idle or starting). */
  get size(): number {
    return this.#environments.size;
  }

  invoke(request: InvocationRequest, options: SubmitOptions = {}): Promise<InvocationResult> {
    const fn = this.#options.getFunction();
    if (!fn || this.#disposedWith) {
      return Promise.reject(new ResourceNotFoundException('Function not found'));
    }
    const throttles = options.throttleAfterMs !== undefined && fn.reservedConcurrency !== undefined;
    if (throttles && fn.reservedConcurrency === 0) {
      return Promise.reject(new TooManyRequestsException('ReservedFunctionConcurrentInvocationLimitExceeded'));
    }
    const queued: Queued = { request, deferred: Promise.withResolvers<InvocationResult>(), timers: [], redeliveries: 0 };
    this.#queue.push(queued);
    this.#pump();
    // Only an invocation left without a slot may be throttled; waiting for a cold start is not throttling.
    const position = this.#queue.indexOf(queued);
    if (throttles && position >= this.#comingSoon(fn) && this.#environments.size >= (fn.reservedConcurrency ?? 0)) {
      this.#expire(queued, options.throttleAfterMs ?? 0, 'ReservedFunctionConcurrentInvocationLimitExceeded');
    }
    if (options.maxWaitMs !== undefined && position >= 0) {
      this.#expire(queued, options.maxWaitMs, 'ConcurrentInvocationLimitExceeded');
    }
    return queued.deferred.promise;
  }

  /** Throttles `queued` if it is still waiting after `ms`. */
  #expire(queued: Queued, ms: number, reason: ConstructorParameters<typeof TooManyRequestsException>[0]): void {
    queued.timers.push(setTimeout(() => {
      const index = this.#queue.indexOf(queued);
      if (index >= 0) {
        this.#queue.splice(index, 1);
        queued.timers.forEach(clearTimeout);
        queued.deferred.reject(new TooManyRequestsException(reason));
      }
    }, ms));
  }

  /** The code or configuration changed: idle environments go now, busy ones after their invocation. */
  retire(): void {
    const fn = this.#options.getFunction();
    for (const env of [...this.#environments]) {
      if (!fn || env.fn.generation !== fn.generation) {
        if (env.state !== 'busy') {
          env.kill();
          this.#remove(env);
        }
      }
    }
    this.#pump();
  }

  /**
   * Takes no more work: what is queued fails with `error` now, and the result resolves once every
   * invocation already running is answered (the caller bounds the wait, then disposes).
   */
  drain(error: AwsError): Promise<void> {
    this.#disposedWith ??= error;
    for (const queued of this.#queue.splice(0)) {
      queued.timers.forEach(clearTimeout);
      queued.deferred.reject(error);
    }
    return Promise.allSettled([...this.#running]).then(() => undefined);
  }

  /** Kills every environment and fails what is queued with `error`. */
  dispose(error: AwsError): void {
    this.#disposedWith = error;
    for (const env of this.#environments) {
      env.kill();
    }
    this.#environments.clear();
    this.#ready.length = 0;
    this.#idleTimers.forEach(clearTimeout);
    this.#idleTimers.clear();
    for (const queued of this.#queue.splice(0)) {
      queued.timers.forEach(clearTimeout);
      queued.deferred.reject(error);
    }
  }

  #pump(): void {
    while (this.#queue.length > 0 && !this.#disposedWith) {
      const fn = this.#options.getFunction();
      if (!fn) {
        this.dispose(new ResourceNotFoundException('Function not found'));
        return;
      }
      const env = this.#takeReady(fn);
      if (env) {
        this.#dispatch(env, this.#queue.shift() as Queued);
        continue;
      }
      const cap = fn.reservedConcurrency ?? this.#options.defaultConcurrency;
      if (this.#queue.length <= this.#comingSoon(fn) || this.#environments.size >= cap) {
        return;
      }
      this.#environments.add(this.#options.createEnvironment(fn, this.#listener));
    }
  }

  /** Environments about to ask for work (booting, or finishing an invocation): they will take queued ones. */
  #comingSoon(fn: FunctionRecord): number {
    let count = 0;
    for (const env of this.#environments) {
      if ((env.state === 'starting' || env.state === 'finishing') && env.fn.generation === fn.generation) {
        count += 1;
      }
    }
    return count;
  }

  #takeReady(fn: FunctionRecord): ExecutionEnvironment | undefined {
    for (let env = this.#ready.pop(); env; env = this.#ready.pop()) {
      this.#stopIdleClock(env);
      if (env.state === 'ready' && env.fn.generation === fn.generation) {
        return env;
      }
      env.kill();
      this.#remove(env);
    }
    return undefined;
  }

  #dispatch(env: ExecutionEnvironment, queued: Queued): void {
    queued.timers.forEach(clearTimeout);
    const running = env.run(queued.request, { chargeUntaken: queued.redeliveries >= MAX_REDELIVERIES });
    this.#running.add(running);
    void running.then(() => this.#running.delete(running), () => this.#running.delete(running));
    running.then(
      (result) => {
        if (result) {
          queued.deferred.resolve(result);
        } else if (this.#disposedWith) {
          queued.deferred.reject(this.#disposedWith);
        } else {
          // Its environment died before taking it: it goes first to the next one.
          queued.redeliveries += 1;
          this.#queue.unshift(queued);
        }
      },
      (error: unknown) => queued.deferred.reject(error),
    ).finally(() => {
      if (env.state === 'dead' || env.state === 'failed') {
        this.#remove(env);
      } else if (env.fn.generation !== this.#options.getFunction()?.generation) {
        env.kill();
        this.#remove(env);
      }
      this.#pump();
    });
  }

  #onReady(env: ExecutionEnvironment): void {
    const fn = this.#options.getFunction();
    const cap = fn?.reservedConcurrency ?? this.#options.defaultConcurrency;
    const stale = !fn || env.fn.generation !== fn.generation || !this.#environments.has(env);
    if (stale || (this.#queue.length === 0 && this.#environments.size > cap)) {
      env.kill();
      this.#remove(env);
    } else {
      this.#ready.push(env);
      this.#startIdleClock(env);
    }
    this.#pump();
  }

  /** An environment waiting for work is shut down once it has waited `idleMs` (it is busy again before, or gone). */
  #startIdleClock(env: ExecutionEnvironment): void {
    this.#stopIdleClock(env);
    const timer = setTimeout(() => {
      this.#idleTimers.delete(env);
      // Still parked in #ready means nothing was handed to it: taking it from there is what dispatch does.
      if (this.#ready.includes(env) && env.state === 'ready') {
        env.kill();
        this.#remove(env);
        this.#pump();
      }
    }, this.#options.idleMs());
    // The environment's process keeps the service alive, not its idle clock.
    timer.unref();
    this.#idleTimers.set(env, timer);
  }

  #stopIdleClock(env: ExecutionEnvironment): void {
    clearTimeout(this.#idleTimers.get(env));
    this.#idleTimers.delete(env);
  }

  #onInitFailure(env: ExecutionEnvironment): void {
    this.#remove(env);
    const head = this.#queue.shift();
    if (head) {
      // The invocation that would have run here gets the init error, as on Lambda.
      this.#dispatch(env, head);
    }
    this.#pump();
  }

  #remove(env: ExecutionEnvironment): void {
    this.#stopIdleClock(env);
    this.#environments.delete(env);
    const index = this.#ready.indexOf(env);
    if (index >= 0) {
      this.#ready.splice(index, 1);
    }
  }
}
