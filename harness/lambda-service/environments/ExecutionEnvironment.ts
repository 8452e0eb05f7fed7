import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { FunctionRecord } from '../functions/FunctionStore.ts';
import type { LogBook } from '../logs/LogBook.ts';
import { endLine, initStartLine, startLine, timeoutLine } from '../logs/platformLines.ts';
import { killChild, trackChild } from './childReaper.ts';
import { EnvironmentOutput } from './EnvironmentOutput.ts';
import { environmentVariables, type FunctionCredentials } from './environmentVariables.ts';
import { exitPayload, exitReason, timeoutPayload, traceId } from './functionErrors.ts';
import { InvocationReport, type InvocationEnd } from './InvocationReport.ts';
import { PeakMemory } from './PeakMemory.ts';
import { RuntimeApiServer, type RuntimeOutcome } from './RuntimeApiServer.ts';
import type { SandboxIdentity } from './SandboxIdentities.ts';

const BOOTSTRAP = fileURLToPath(new URL('../runtime/bootstrap.mjs', import.meta.url));
/** Lambda's init phase limit; past it the (retried) init runs under the function timeout. */
export const INIT_LIMIT_SECONDS = 10;
/**
 * How long an answered invocation's runtime has, at least, to ask for the next one before the
 * environment is stopped (it has until the invocation's deadline otherwise), so that no runtime keeps
 * its concurrency slot without taking work.
 */
const NEXT_GRACE_MS = 1000;

export interface InvocationRequest {
  requestId: string;
  payload: Buffer;
  /** Return the end of the invocation's log (X-Amz-Log-Type: Tail). */
  tail: boolean;
  /** The ARN the caller named (`...:$LATEST` when qualified): the context's invokedFunctionArn. The function's ARN if absent. */
  invokedFunctionArn?: string;
}

export interface InvocationResult {
  requestId: string;
  payload: Buffer;
  functionError?: 'Unhandled';
  /** Base64 of the last 4 KB of the invocation's log, when asked for. */
  logResult?: string;
}

export interface EnvironmentListener {
  /** The runtime waits on /next: the environment can take an invocation. */
  onReady(env: ExecutionEnvironment): void;
  /** Init failed; `run` answers the next invocation with that error, then the environment is gone. */
  onInitFailure(env: ExecutionEnvironment): void;
  /** The process is gone. */
  onExit(env: ExecutionEnvironment): void;
}

export interface EnvironmentOptions {
  fn: FunctionRecord;
  nodeBinary: string;
  nodeVersion: string;
  region: string;
  awsEndpointUrl?: string;
  logBook: LogBook;
  listener: EnvironmentListener;
  /** The unprivileged user and group the process runs as (when the service runs as root). */
  identity?: SandboxIdentity;
  /** What the function signs its AWS calls with (AWS_ACCESS_KEY_ID, ...). */
  credentials: FunctionCredentials;
}

type EnvironmentState = 'starting' | 'ready' | 'busy' | 'finishing' | 'failed' | 'dead';
type Ending = { kind: 'outcome'; outcome: RuntimeOutcome } | { kind: 'timeout' } | { kind: 'exit'; reason: string };
/** An init failure, as the answer to the invocation that meets it. */
interface InitFailure {
  payload(requestId: string): Buffer;
  errorType: string;
  status: 'timeout' | 'error';
}

/**
 * One execution environment: a Node process running the bootstrap against
 * its own Runtime API server, serving one invocation at a time. A timeout
 * or a crash ends it; a handled error does not. START is logged when the
 * runtime takes the invocation, so an environment that dies before that
 * leaves no trace of an invocation it never ran.
 */
export class ExecutionEnvironment {
  readonly fn: FunctionRecord;
  readonly logStreamName: string;
  readonly #options: EnvironmentOptions;
  readonly #output: EnvironmentOutput;
  readonly #report: InvocationReport;
  readonly #memory = new PeakMemory();
  readonly #exited = Promise.withResolvers<undefined>();
  readonly #initTimer: NodeJS.Timeout;
  #state: EnvironmentState = 'starting';
  #child: ChildProcess | undefined;
  #runtimeApi: RuntimeApiServer | undefined;
  #initFailure: InitFailure | undefined;
  #ending: PromiseWithResolvers<Ending> | undefined;
  /** The runtime is parked on /next; it may have got there before the invocation it answered was done. */
  #runtimeWaiting = false;
  #nextTimer: NodeJS.Timeout | undefined;

  constructor(options: EnvironmentOptions) {
    this.fn = options.fn;
    this.#options = options;
    this.#report = new InvocationReport({ memorySizeMb: options.fn.memorySize });
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
    this.logStreamName = `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
    // The log group is the function's when the environment starts; a LoggingConfig change starts new environments.
    this.#output = new EnvironmentOutput({
      functionName: options.fn.name,
      logBook: options.logBook,
      logGroupName: options.fn.loggingConfig.LogGroup,
      logStreamName: this.logStreamName,
    });
    const initLimit = INIT_LIMIT_SECONDS + this.fn.timeout;
    this.#initTimer = setTimeout(
      () => this.#failInit({ payload: (requestId) => timeoutPayload(requestId, initLimit), errorType: 'Sandbox.Timedout', status: 'timeout' }),
      initLimit * 1000,
    );
    this.#boot().catch((error: unknown) => this.#failInit(exitFailure(`Runtime exited with error: spawn failed: ${String(error)}`)));
  }

  get state(): EnvironmentState {
    return this.#state;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Resolves once the process is gone (at once if it never started). */
  get exited(): Promise<void> {
    return this.#exited.promise;
  }

  /**
   * Runs one invocation; never rejects for function failures (they are results).
   * Resolves undefined when the process died before its runtime took the
   * invocation (none of it ran, so there is nothing to charge), unless
   * `chargeUntaken` asks for the exit to be its result anyway.
   */
  async run(request: InvocationRequest, options: { chargeUntaken?: boolean } = {}): Promise<InvocationResult | undefined> {
    if (this.#state === 'failed' && this.#initFailure) {
      return this.#answerInitFailure(request, this.#initFailure);
    }
    if (this.#state !== 'ready' || !this.#runtimeApi) {
      throw new Error(`environment is ${this.#state}, not ready`);
    }
    this.#state = 'busy';
    const { requestId } = request;
    const timeoutMs = this.fn.timeout * 1000;
    const elapsed = InvocationReport.time();
    this.#output.begin(requestId, () => this.#output.platform(startLine(requestId)));
    const ending = Promise.withResolvers<Ending>();
    this.#ending = ending;
    const timer = setTimeout(() => ending.resolve({ kind: 'timeout' }), timeoutMs);
    this.#runtimeWaiting = false;
    const invocation = {
      requestId,
      payload: request.payload,
      deadlineMs: Date.now() + timeoutMs,
      functionArn: request.invokedFunctionArn ?? this.fn.arn,
      traceId: traceId(),
    };
    void this.#runtimeApi.deliver(invocation).then((outcome) => ending.resolve({ kind: 'outcome', outcome }));
    const end = await ending.promise;
    clearTimeout(timer);
    this.#ending = undefined;
    const durationMs = elapsed();

    if (end.kind === 'outcome') {
      // Still busy while the output drains: the runtime's next /next may arrive meanwhile (see #onRuntimeReady).
      await this.#output.flushed();
      this.#output.markTaken();
      this.#memory.read(this.pid, end.outcome.maxMemoryUsedMb);
      const functionError = end.outcome.kind === 'error' ? ({ functionError: 'Unhandled' } as const) : {};
      const result = this.#finish(request, { requestId, payload: end.outcome.payload, ...functionError }, { durationMs });
      this.#awaitNext(requestId, invocation.deadlineMs);
      return result;
    }
    if (end.kind === 'timeout') {
      this.#output.markTaken();
      this.#memory.read(this.pid); // before the kill: a dead process has no peak to read
      this.kill();
      await this.exited;
      this.#output.platform(timeoutLine(requestId, this.fn.timeout));
      const result = { requestId, payload: timeoutPayload(requestId, this.fn.timeout), functionError: 'Unhandled' } as const;
      return this.#finish(request, result, { durationMs, status: 'timeout' });
    }
    await this.#output.flushed();
    if (!this.#output.taken && !options.chargeUntaken) {
      // It died between invocations (a failure its last one left behind): this invocation never reached it.
      this.#output.end(false);
      return undefined;
    }
    this.#output.markTaken();
    this.#output.platform(`RequestId: ${requestId} Error: ${end.reason}\nRuntime.ExitError`);
    const result = { requestId, payload: exitPayload(requestId, end.reason), functionError: 'Unhandled' } as const;
    return this.#finish(request, result, { durationMs, status: 'error', errorType: 'Runtime.ExitError' });
  }

  /** Kills the process at once (SIGKILL) and closes its Runtime API. */
  kill(): void {
    if (this.#state === 'dead') {
      return;
    }
    if (this.#state !== 'failed') {
      this.#state = 'dead';
    }
    clearTimeout(this.#initTimer);
    clearTimeout(this.#nextTimer);
    this.#runtimeApi?.close();
    const child = this.#child;
    if (child && child.exitCode === null && child.signalCode === null) {
      killChild(child);
    } else {
      this.#exited.resolve(undefined);
    }
  }

  async #boot(): Promise<void> {
    const { nodeVersion } = this.#options;
    const nodeMajor = nodeVersion.replace(/^v/, '').split('.')[0] ?? '24';
    this.#output.platform(initStartLine(nodeVersion));
    const declared = /^nodejs(\d+)\.x$/.exec(this.fn.runtime)?.[1];
    if (declared !== nodeMajor) {
      this.#output.platform(
        `WARNING: ${this.fn.name} declares runtime ${this.fn.runtime}, but the embedded Lambda service runs it on Node ${nodeVersion} (nodejs${nodeMajor}.x)`,
      );
    }
    const runtimeApi = await RuntimeApiServer.start({
      onReady: () => this.#onRuntimeReady(),
      onInitError: (payload, errorType) => this.#failInit({ payload: () => payload, errorType, status: 'error' }),
    });
    this.#runtimeApi = runtimeApi;
    if (this.#state !== 'starting') {
      runtimeApi.close();
      this.#exited.resolve(undefined);
      return;
    }
    const child = spawn(this.#options.nodeBinary, [...heapFlags(this.fn.memorySize), BOOTSTRAP], {
      cwd: this.fn.code.directory,
      env: environmentVariables({
        fn: this.fn,
        credentials: this.#options.credentials,
        region: this.#options.region,
        runtimeApi: runtimeApi.address,
        runtimeDir: dirname(BOOTSTRAP),
        logStreamName: this.logStreamName,
        nodeMajor,
        awsEndpointUrl: this.#options.awsEndpointUrl,
        // A user of its own has no passwd entry: a home that does not exist, as on Lambda (the SDK looks for ~/.aws there).
        ...(this.#options.identity ? { home: '/nonexistent' } : {}),
      }),
      // fd 3 carries the Runtime API secret: a socket, so no other process can open it through /proc.
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      // Its own process group: killing the environment kills what its function spawned.
      detached: true,
      ...this.#options.identity,
    });
    this.#child = child;
    const secretChannel = child.stdio[3] as Writable | null;
    secretChannel?.on('error', () => {}); // the child may be gone before it reads it: its exit is reported
    secretChannel?.end(runtimeApi.secret);
    trackChild(child);
    this.#output.attach(child.stdout, 'stdout');
    this.#output.attach(child.stderr, 'stderr');
    child.once('error', (error) => this.#onExit(`Runtime exited with error: spawn failed: ${error.message}`));
    child.once('exit', (code, signal) => this.#onExit(exitReason(code, signal)));
  }

  #onRuntimeReady(): void {
    this.#runtimeWaiting = true;
    if (this.#state === 'starting') {
      clearTimeout(this.#initTimer);
      this.#report.initEnded();
    }
    if (this.#state === 'starting' || this.#state === 'finishing') {
      clearTimeout(this.#nextTimer);
      this.#state = 'ready';
      this.#options.listener.onReady(this);
    }
  }

  /**
   * The invocation is answered and logged: the environment is ready as soon as its runtime waits on /next,
   * which may already be the case (it asks right after posting, while a large output is still being read).
   * A runtime that does not ask by the invocation's deadline is stopped, so the slot is never held for good.
   */
  #awaitNext(requestId: string, deadlineMs: number): void {
    if (this.#state !== 'busy') {
      return;
    }
    this.#state = 'finishing';
    if (this.#runtimeWaiting) {
      this.#onRuntimeReady();
      return;
    }
    const waitMs = Math.max(deadlineMs - Date.now(), NEXT_GRACE_MS);
    this.#nextTimer = setTimeout(() => {
      this.#output.platform(
        `RequestId: ${requestId} The runtime did not ask for its next invocation within ${waitMs} ms of answering this one; the environment is stopped.`,
      );
      this.kill();
    }, waitMs);
  }

  #failInit(failure: InitFailure): void {
    if (this.#state !== 'starting') {
      return;
    }
    this.#report.initEnded();
    this.#memory.read(this.pid); // the init's peak, while the process may still be there
    this.#initFailure = failure;
    this.#state = 'failed';
    this.kill();
    this.#options.listener.onInitFailure(this);
  }

  #onExit(reason: string): void {
    this.#exited.resolve(undefined);
    this.#runtimeApi?.close();
    if (this.#state === 'starting') {
      this.#failInit(exitFailure(reason));
      return;
    }
    if (this.#state !== 'failed') {
      this.#state = 'dead';
    }
    this.#ending?.resolve({ kind: 'exit', reason });
    this.#options.listener.onExit(this);
  }

  #answerInitFailure(request: InvocationRequest, failure: InitFailure): InvocationResult {
    const { requestId } = request;
    this.#output.begin(requestId, () => this.#output.platform(startLine(requestId)));
    this.#output.markTaken();
    const result = { requestId, payload: failure.payload(requestId), functionError: 'Unhandled' } as const;
    return this.#finish(request, result, { durationMs: 0, status: failure.status, errorType: failure.errorType });
  }

  #finish(request: InvocationRequest, result: InvocationResult, end: InvocationEnd): InvocationResult {
    const { requestId } = request;
    this.#output.platform(endLine(requestId));
    this.#output.platform(this.#report.line(requestId, end, this.#memory.mb));
    const logResult = this.#output.end(request.tail);
    return logResult === undefined ? result : { ...result, logResult };
  }
}

function exitFailure(reason: string): InitFailure {
  return {
    payload: (requestId) => exitPayload(requestId, reason),
    errorType: 'Runtime.ExitError',
    status: 'error',
  };
}

/**
 * V8 heap limits from the function's memory size, as Lambda's Node bootstrap sets them: a tenth of the
 * memory for the young generation (two semi-spaces), the rest for the old one. Besides the cap, this keeps
 * each environment's young generation far below V8's default, as on Lambda.
 */
export function heapFlags(memorySizeMb: number): string[] {
  const newSpace = Math.floor(memorySizeMb / 10);
  return [`--max-semi-space-size=${Math.max(1, Math.floor(newSpace / 2))}`, `--max-old-space-size=${memorySizeMb - newSpace}`];
}
