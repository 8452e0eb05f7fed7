// The runtime interface client of the embedded Lambda service: what AWS's
// Node runtime does in /var/runtime, small. Plain JavaScript because it runs
// inside the function's own Node process, before anything else.
//
// It loads the handler named by _HANDLER from LAMBDA_TASK_ROOT, then loops
// on the Runtime API at AWS_LAMBDA_RUNTIME_API: GET /invocation/next, call
// the handler, POST /response or /error. Init failures go to /init/error.
import { runtimeApiClient } from './runtimeApiClient.mjs';

// Built-ins as `require` gives them: an ES import of `node:fs` or `node:util` first builds a facade that reads
// every export (about 8 ms of each cold start together); the Lambda bundles skip it the same way.
const { AsyncLocalStorage } = process.getBuiltinModule('node:async_hooks');
const { closeSync, existsSync, readFileSync, realpathSync, statSync } = process.getBuiltinModule('node:fs');
const { registerHooks } = process.getBuiltinModule('node:module');
const { dirname, resolve, sep } = process.getBuiltinModule('node:path');
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');
const { format } = process.getBuiltinModule('node:util');

// Keep these in step with logs/LineSplitter.ts and environments/RuntimeApiServer.ts.
const FLUSH_MARKER = '\u0000lambda-flush:';
const TAKE_MARKER = '\u0000lambda-take:';
const MAX_MEMORY_HEADER = 'lambda-runtime-embedded-max-memory-mb';
const SECRET_HEADER = 'lambda-runtime-embedded-secret';
/** The environment's Runtime API secret, read before any function code runs (fd 3 is then closed). */
const SECRET = readSecret();

const env = process.env;
const [apiHost, apiPort] = (env.AWS_LAMBDA_RUNTIME_API ?? '').split(':');
const RUNTIME = '/2018-06-01/runtime';
/**
 * The service reads the environment's peak memory from /proc/<pid>/status; only where there is no /proc
 * does the runtime send its own figure (on Linux getrusage's maxrss would be the forking service's peak).
 */
const SEND_MAX_MEMORY = !existsSync('/proc/self/status');
const request = runtimeApiClient({
  host: apiHost,
  port: Number(apiPort),
  fixedHeaders: { [SECRET_HEADER]: SECRET },
  onLost: lostRuntimeApi,
});
const runtimeDir = dirname(fileURLToPath(import.meta.url));
/**
 * nodejs24.x and later dropped callback handlers: a handler declaring a
 * third parameter fails init, and the context has no done/succeed/fail nor
 * callbackWaitsForEmptyEventLoop. Older Node versions (`nodeBinary`) keep
 * them, as their runtimes do.
 */
const CALLBACKS_SUPPORTED = Number(process.versions.node.split('.')[0]) < 24;
// AWS's wording (aws-lambda-nodejs-runtime-interface-client, CALLBACK_ERROR_NODEJS24_ABOVE).
const CALLBACK_HANDLER_DEPRECATED =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

/** The invocation being served, for log prefixes (until its result is posted). */
let currentRequestId;
/** The invocation whose result is not yet sent: the one a crash is charged to. */
let serving;
/** The post of the last result, while it is under way. */
let posting;
/** The exit code of a crash that belongs to no invocation in flight: the process ends once none is. */
let doomed;
let initialized = false;
/**
 * Each invocation's code runs in its own async context, so a crash can be
 * traced to the invocation whose code caused it (the context a timer,
 * promise or callback was created in), even after that one returned.
 */
const invocations = new AsyncLocalStorage();
const exitProcess = process.exit.bind(process);
/** Thrown by `process.exit` called from a returned invocation's code while another one runs: it unwinds the caller. */
class LeftoverExit extends Error {}


provideAwsSdk();
patchConsole();
watchParent();
guardExit();
process.on('uncaughtException', (error) => {
  if (!(error instanceof LeftoverExit)) {
    fatal(error, 'Uncaught Exception', 129);
  }
});
process.on('unhandledRejection', (reason) => {
  if (reason instanceof LeftoverExit) {
    return;
  }
  const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  const error = new Error(message);
  error.name = 'Runtime.UnhandledPromiseRejection';
  if (reason instanceof Error && reason.stack) {
    error.stack = reason.stack;
  }
  fatal(error, 'Unhandled Promise Rejection', 128);
});

const handler = await loadHandler().catch(async (error) => {
  const body = toErrorBody(error);
  console.error('Init Error', logDocument(body));
  await post(`${RUNTIME}/init/error`, body, { 'lambda-runtime-function-error-type': body.errorType });
  exitProcess(129);
});
initialized = true;

for (;;) {
  const next = await request('GET', `${RUNTIME}/invocation/next`);
  const requestId = String(next.headers['lambda-runtime-aws-request-id']);
  const deadline = Number(next.headers['lambda-runtime-deadline-ms']);
  // Synchronously with taking it: a crash from now on is this invocation's or waits for its end.
  currentRequestId = requestId;
  serving = requestId;
  process.stdout.write(`${TAKE_MARKER}${requestId}\n`);
  env._X_AMZN_TRACE_ID = String(next.headers['lambda-runtime-trace-id'] ?? '');
  const context = createContext(requestId, deadline, next.headers);
  const outcome = await invocations.run(requestId, async () => {
    try {
      const event = JSON.parse(next.body.length > 0 ? next.body.toString('utf8') : '{}');
      return CALLBACKS_SUPPORTED ? await invokeWithCallback(handler, event, context) : await invokeAsync(handler, event, context);
    } catch (error) {
      return { ok: false, error };
    }
  });
  serving = undefined;
  posting = sendOutcome(requestId, outcome);
  await posting;
  posting = undefined;
  currentRequestId = undefined;
  if (doomed !== undefined) {
    // A crash left behind by an earlier invocation waited for this one to end: no next one comes here.
    exitProcess(doomed);
  }
}

/** Calls the handler the way the nodejs24.x runtime does: `await handler(event, context)`. */
function invokeAsync(fn, event, context) {
  const { promise, resolve: settle } = Promise.withResolvers();
  const onEmptyLoop = () => settle(emptyLoopOutcome(fn));
  process.on('beforeExit', onEmptyLoop);
  (async () => fn(event, context))()
    .then((value) => settle({ ok: true, value }), (error) => settle({ ok: false, error }))
    .finally(() => process.off('beforeExit', onEmptyLoop));
  return promise;
}

/**
 * The event loop emptied before the handler finished (a promise that never
 * settles, a callback never called). AWS's runtime then ends the invocation
 * and keeps the environment: an `async` handler fails with
 * Runtime.NodeJsExit, any other answers null
 * (aws-lambda-nodejs-runtime-interface-client, src/Runtime.js
 * `_setDefaultExitListener`, src/Errors.js `NodeJsExit`).
 */
function emptyLoopOutcome(fn) {
  if (fn.constructor?.name !== 'AsyncFunction') {
    return { ok: true, value: null };
  }
  const error = new Error(
    'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes',
  );
  error.name = 'Runtime.NodeJsExit';
  return { ok: false, error };
}

/**
 * Calls the handler the way the runtimes before nodejs24.x do: async (the
 * promise settles the invocation), or with a callback (settled once the
 * event loop is empty, unless context.callbackWaitsForEmptyEventLoop is
 * false). A handler that does neither ends as `emptyLoopOutcome` says once the event loop is empty.
 */
function invokeWithCallback(fn, event, context) {
  context.callbackWaitsForEmptyEventLoop = true;
  const { promise, resolve: settle } = Promise.withResolvers();
  let settled = false;
  let callbackOutcome;
  const onEmptyLoop = () => finish(callbackOutcome ?? emptyLoopOutcome(fn));
  const finish = (outcome) => {
    if (!settled) {
      settled = true;
      process.off('beforeExit', onEmptyLoop);
      settle(outcome);
    }
  };
  const callback = (error, value) => {
    callbackOutcome ??= error === undefined || error === null ? { ok: true, value } : { ok: false, error };
    if (!context.callbackWaitsForEmptyEventLoop) {
      finish(callbackOutcome);
    }
  };
  context.done = callback;
  context.succeed = (value) => callback(null, value);
  context.fail = (error) => callback(error ?? 'handled');
  process.on('beforeExit', onEmptyLoop);
  try {
    const returned = fn(event, context, callback);
    if (returned && typeof returned.then === 'function') {
      returned.then((value) => finish({ ok: true, value }), (error) => finish({ ok: false, error }));
    }
  } catch (error) {
    finish({ ok: false, error });
  }
  return promise;
}

async function sendOutcome(requestId, outcome) {
  let body;
  let path = `${RUNTIME}/invocation/${requestId}/response`;
  const headers = {};
  if (outcome.ok) {
    try {
      body = JSON.stringify(outcome.value === undefined ? null : outcome.value);
    } catch (error) {
      outcome = { ok: false, error };
    }
  }
  if (!outcome.ok) {
    const errorBody = toErrorBody(outcome.error);
    console.error('Invoke Error', logDocument(errorBody));
    body = JSON.stringify(errorBody);
    path = `${RUNTIME}/invocation/${requestId}/error`;
    headers['lambda-runtime-function-error-type'] = errorBody.errorType;
  }
  flushMarker(requestId);
  await post(path, body, headers);
}

/**
 * A crash ends the environment. It is charged to the invocation in flight
 * when that invocation's code (or code of no invocation: init's) caused it,
 * as AWS's runtime charges it. One caused by an invocation that already
 * returned is charged to none: with an invocation in flight the process
 * ends after that one's result; between invocations at once, before it can
 * take another.
 */
async function fatal(error, label, exitCode) {
  const body = toErrorBody(error);
  console.error(label, logDocument(body));
  const owner = invocations.getStore();
  if (!initialized) {
    await post(`${RUNTIME}/init/error`, body, { 'lambda-runtime-function-error-type': body.errorType }).finally(() => exitProcess(exitCode));
    return;
  }
  if (serving !== undefined && (owner === undefined || owner === serving)) {
    const requestId = serving;
    serving = undefined;
    flushMarker(requestId);
    await post(`${RUNTIME}/invocation/${requestId}/error`, body, {
      'lambda-runtime-function-error-type': body.errorType,
    }).finally(() => exitProcess(exitCode));
    return;
  }
  leftoverCrash(exitCode);
}

/** A crash of an invocation that already returned: the process goes as soon as no invocation is in flight. */
function leftoverCrash(exitCode) {
  doomed ??= exitCode;
  if (serving === undefined && posting === undefined) {
    exitProcess(doomed);
  }
}

/**
 * `process.exit` from the code of an invocation that already returned, while
 * another is in flight, ends the process after that one (as a crash would);
 * any other call exits at once, as usual.
 */
function guardExit() {
  process.exit = function exit(code) {
    const owner = invocations.getStore();
    const leftover = owner !== undefined && owner !== serving;
    if (leftover && (serving !== undefined || posting !== undefined)) {
      leftoverCrash(Number(code ?? process.exitCode ?? 0));
      throw new LeftoverExit(`process.exit(${code ?? ''}) from invocation ${owner}, which had returned`);
    }
    return exitProcess(code);
  };
}

async function loadHandler() {
  const handlerString = env._HANDLER ?? '';
  const slash = handlerString.lastIndexOf('/');
  const match = /^([^.]*)\.(.*)$/.exec(handlerString.slice(slash + 1));
  if (!match || match[1] === '' || match[2] === '') {
    throw runtimeError('Runtime.MalformedHandlerName', 'Bad handler');
  }
  const [, moduleName, handlerPath] = match;
  const taskRoot = env.LAMBDA_TASK_ROOT ?? process.cwd();
  const base = resolve(taskRoot, handlerString.slice(0, slash + 1), moduleName);
  const file = [base, `${base}.js`, `${base}.mjs`, `${base}.cjs`].find((candidate) => isFile(candidate));
  // A handler is a module of the function's code: `../../etc/passwd.x` or `/etc/hostname.x` name none.
  if (!file || !isInside(file, taskRoot)) {
    throw runtimeError(
      'Runtime.ImportModuleError',
      `Error: Cannot find module '${moduleName}'\nRequire stack:\n- ${fileURLToPath(import.meta.url)}`,
    );
  }
  let namespace;
  try {
    namespace = await import(pathToFileURL(file).href);
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw runtimeError('Runtime.UserCodeSyntaxError', String(error), error.stack);
    }
    if (error?.code === 'MODULE_NOT_FOUND' || error?.code === 'ERR_MODULE_NOT_FOUND') {
      throw runtimeError('Runtime.ImportModuleError', String(error), error.stack);
    }
    throw error;
  }
  const [first, ...nested] = handlerPath.split('.');
  let fn = namespace[first] ?? namespace.default?.[first];
  for (const key of nested) {
    fn = fn?.[key];
  }
  if (fn === undefined || fn === null) {
    throw runtimeError('Runtime.HandlerNotFound', `${handlerString} is undefined or not exported`);
  }
  if (typeof fn !== 'function') {
    throw runtimeError('Runtime.HandlerNotFound', `${handlerString} is not a function`);
  }
  // Like AWS's runtime, the declared parameter count decides: async or not, a third parameter is a callback.
  if (!CALLBACKS_SUPPORTED && fn.length >= 3) {
    throw runtimeError('Runtime.CallbackHandlerDeprecated', CALLBACK_HANDLER_DEPRECATED);
  }
  return fn;
}

function isInside(file, root) {
  try {
    const realRoot = realpathSync(root);
    return realpathSync(file).startsWith(realRoot.endsWith(sep) ? realRoot : `${realRoot}${sep}`);
  } catch {
    return false;
  }
}

function isFile(path) {
  return existsSync(path) && statSync(path).isFile();
}

function createContext(requestId, deadline, headers) {
  const clientContext = headers['lambda-runtime-client-context'];
  const identity = headers['lambda-runtime-cognito-identity'];
  return {
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: String(headers['lambda-runtime-invoked-function-arn'] ?? ''),
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: requestId,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: typeof clientContext === 'string' ? JSON.parse(clientContext) : undefined,
    identity: typeof identity === 'string' ? JSON.parse(identity) : undefined,
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
}

function runtimeError(errorType, message, stack) {
  const error = new Error(message);
  error.name = errorType;
  if (stack) {
    error.stack = stack;
  }
  return error;
}

/** The `{errorType, errorMessage, trace}` shape of AWS's Node runtime. */
function toErrorBody(error) {
  try {
    if (error instanceof Error) {
      return { errorType: error.name, errorMessage: error.message, trace: String(error.stack ?? '').split('\n') };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return { errorType: 'handled', errorMessage: 'the error could not be read', trace: [] };
  }
}

/** Marks the end of an invocation's output on both streams (pipes are written in order). */
function flushMarker(requestId) {
  const line = `${FLUSH_MARKER}${requestId}\n`;
  process.stdout.write(line);
  process.stderr.write(line);
}

/** How the Node runtime prints an error in the log: the trace under `stack`. */
function logDocument({ errorType, errorMessage, trace }) {
  return JSON.stringify({ errorType, errorMessage, stack: trace });
}

function post(path, body, headers) {
  return request('POST', path, typeof body === 'string' ? body : JSON.stringify(body), {
    'content-type': 'application/json',
    ...(SEND_MAX_MEMORY ? { [MAX_MEMORY_HEADER]: String(Math.round(process.resourceUsage().maxRSS / 1024)) } : {}),
    ...headers,
  });
}

/** The secret the service wrote on fd 3 (a socket only this process holds); the function's code never sees it. */
function readSecret() {
  try {
    const secret = readFileSync(3, 'utf8');
    closeSync(3);
    return secret;
  } catch {
    return '';
  }
}

/** The Runtime API is gone: the environment was destroyed or the service died. */
function lostRuntimeApi() {
  exitProcess(0);
}

/** Exits when the service's process is gone, even if the Runtime API socket lingers. */
function watchParent() {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      exitProcess(0);
    }
  }, 500).unref();
}

/** Console methods write `time\trequestId\tLEVEL\tmessage` lines, like AWS's Node runtime (text format). */
function patchConsole() {
  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      const message = format(...args).replaceAll('\n', '\r');
      process.stdout.write(`${new Date().toISOString()}\t${currentRequestId}\t${level}\t${message}\n`);
    };
  }
}

/**
 * AWS's Node runtimes ship the AWS SDK v3: a function may import
 * `@aws-sdk/*` without bundling it. Here the service's own copy plays that
 * part, as a fallback when the function's code does not resolve it.
 */
function provideAwsSdk() {
  const fallbackParent = pathToFileURL(`${runtimeDir}/`).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        const provided = specifier.startsWith('@aws-sdk/') || specifier.startsWith('@smithy/');
        if (!provided || (error?.code !== 'ERR_MODULE_NOT_FOUND' && error?.code !== 'MODULE_NOT_FOUND')) {
          throw error;
        }
        return nextResolve(specifier, { ...context, parentURL: fallbackParent });
      }
    },
  });
}
