import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { listenOnLoopback } from '../http/listenOnLoopback.ts';
import { SERVER_TIMEOUTS } from '../http/serverTimeouts.ts';
import { EMULATOR_ACCOUNT_ID } from '../aws/emulator.ts';
import { closeOnce } from '../lifecycle/disposeAll.ts';
import { FunctionInvoker } from './environments/FunctionInvoker.ts';
import { SandboxIdentities } from './environments/SandboxIdentities.ts';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import { PollerRegistry } from './event-sources/PollerRegistry.ts';
import { SdkQueueSource } from './event-sources/SdkQueueSource.ts';
import { StoreQueueSource } from './event-sources/StoreQueueSource.ts';
import { CodeStorage } from './functions/CodeStorage.ts';
import { FunctionStore } from './functions/FunctionStore.ts';
import { drawMs, FAST_TIMING } from './LambdaTiming.ts';
import { LogBook } from './logs/LogBook.ts';
import { EventSourceMappingStore } from './mappings/EventSourceMappingStore.ts';
import { createRouter } from './router.ts';
import type { LambdaService, LambdaServiceOptions } from './types.ts';

export type { LambdaService, LambdaServiceOptions, LogLine, LogSinkEntry } from './types.ts';
export { AWS_TIMING, FAST_TIMING, type LambdaTiming } from './LambdaTiming.ts';

/** How long close waits for the answers to requests in flight (killed invocations answer at once). */
const CLOSE_GRACE_MS = 2000;

/**
 * Starts the embedded Lambda service: the Lambda REST API on
 * `http://127.0.0.1:<port>` for `@aws-sdk/client-lambda` (or the AWS CLI),
 * Node execution environments driven through the Runtime API, and SQS
 * event source pollers against `awsEndpointUrl`.
 */
export async function startLambdaService(options: LambdaServiceOptions = {}): Promise<LambdaService> {
  const region = options.region ?? 'us-east-1';
  const location = { region, accountId: options.accountId ?? EMULATOR_ACCOUNT_ID };
  const nodeBinary = options.nodeBinary ?? process.execPath;
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'lambda-service-')));
  await mkdir(dataDir, { recursive: true });
  const identities = new SandboxIdentities({ enabled: options.separateUsers ?? SandboxIdentities.available() });
  if (identities.enabled) {
    // Environments of other users may reach their own function's folder, but not list the others.
    await chmod(dataDir, 0o711);
  }

  const logBook = new LogBook({ onLog: options.onLog, sink: options.logSink });
  const functions = new FunctionStore();
  const mappings = new EventSourceMappingStore();
  // Fresh per service, never a constant: the stack that accepts them (its SigV4 gate) is told them.
  const functionCredentials = options.functionCredentials ?? {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: randomBytes(96).toString('base64'),
  };
  // The pollers act for the functions, as Lambda's do with the execution role.
  const sqs = options.awsEndpointUrl ? createSqsClient({
    endpoint: options.awsEndpointUrl,
    region,
    credentials: functionCredentials,
  }) : undefined;
  const code = new CodeStorage(dataDir, {
    groupOf: (functionName) => identities.groupOf(functionName),
    ...(options.maxCodeStorageBytes === undefined ? {} : { maxBytes: options.maxCodeStorageBytes }),
  });
  // Only the current code and what live environments run is kept on disk.
  const pruneCode = (functionName: string): void => {
    const current = functions.get(functionName);
    if (current) void code.prune(functionName, new Set([current.code.directory, ...invoker.codeInUse(functionName)])).catch(() => {});
  };
  const invoker: FunctionInvoker = new FunctionInvoker({
    functions,
    logBook,
    nodeBinary,
    nodeVersion: await nodeVersionOf(nodeBinary),
    region,
    awsEndpointUrl: options.awsEndpointUrl,
    identities,
    credentials: functionCredentials,
    environmentIdleMs: () => drawMs((options.timing ?? FAST_TIMING).environmentIdleMs),
    onEnvironmentExit: pruneCode,
  });
  // In the embedded stack the pollers read fauxqs's store in this process; otherwise the SQS API.
  const queues = options.inProcessSqs ? new StoreQueueSource(options.inProcessSqs) : sqs && new SdkQueueSource(sqs);
  const pollers = new PollerRegistry({ mappings, invoker, logBook, queues, timing: options.timing ?? FAST_TIMING });

  // What follows a write, in one place: actions only write the stores. Listeners run inside the write, in this order.
  functions.on('function-changed', (change) => {
    invoker.functionChanged(change);
    // Older versions go as soon as no environment runs them (the rest when those environments exit).
    if (change.previous && change.previous.code.directory !== change.current.code.directory) pruneCode(change.current.name);
  });
  functions.on('function-deleted', (fn) => {
    // Its pollers stop before its environments are killed, so no batch of theirs is handed to a dying pool.
    pollers.functionDeleted(fn);
    invoker.functionDeleted(fn);
  });
  mappings.on('mapping-changed', (change) => pollers.mappingChanged(change));
  mappings.on('mapping-deleting', (mapping) => pollers.mappingDeleting(mapping));
  mappings.on('mapping-deleted', (mapping) => pollers.mappingDeleted(mapping));

  const router = createRouter({ location, functions, mappings, code, invoker, logBook, sqs });

  // Requests not answered yet: close lets them get their answer before it drops the connections.
  const answering = new Set<Promise<void>>();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const answered = new Promise<void>((resolve) => res.once('close', () => resolve()));
    answering.add(answered);
    void answered.then(() => answering.delete(answered));
    router(req, res);
  };
  const gate = options.gate;
  const timeouts = options.requestTimeoutMs === undefined
    ? SERVER_TIMEOUTS
    : { ...SERVER_TIMEOUTS, requestTimeout: options.requestTimeoutMs, headersTimeout: Math.min(SERVER_TIMEOUTS.headersTimeout, options.requestTimeoutMs) };
  const { server, url } = await listenOnLoopback(gate ? (req, res) => gate(req, res, handle) : handle, { host: options.host, port: options.port, timeouts });

  let draining: Promise<void> | undefined;
  const drain = (): Promise<void> => {
    draining ??= (async () => {
      // No batch is received any more; queued invocations fail; running ones get the grace to finish.
      const pollersStopped = pollers.stopAll();
      await invoker.drain(options.shutdownGraceMs ?? 0);
      // What still runs ends now (its environment is killed: Runtime.ExitError).
      await invoker.close();
      await pollersStopped;
    })();
    return draining;
  };

  // Disposed last-in, first-out: drain, the SQS client, the server, then the data directory.
  const resources = new AsyncDisposableStack();
  if (ownDataDir) resources.defer(() => rm(dataDir, { recursive: true, force: true }));
  resources.defer(async () => {
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    await settledWithin([...answering], CLOSE_GRACE_MS);
    server.closeAllConnections();
    await serverClosed;
  });
  resources.defer(() => sqs?.destroy());
  resources.defer(() => drain());
  const close = closeOnce(resources);

  return {
    url,
    handle,
    functionCredentials,
    logs: (functionName) => logBook.lines(functionName),
    drain,
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** Resolves when every promise has settled, or after `ms` at the latest. */
async function settledWithin(promises: readonly Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([Promise.allSettled(promises), deadline]);
  clearTimeout(timer);
}

/** The version of the environments' Node (`v24.x.y`), for AWS_EXECUTION_ENV and the runtime warning. */
async function nodeVersionOf(nodeBinary: string): Promise<string> {
  if (nodeBinary === process.execPath) {
    return process.version;
  }
  const { stdout } = await promisify(execFile)(nodeBinary, ['--version']);
  return stdout.trim();
}
