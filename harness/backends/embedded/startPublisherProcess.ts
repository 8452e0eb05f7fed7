import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PublisherEnv } from '../../../contracts/publisherEnvironment.ts';
import { guardProcessGroup } from '../../processes/processGuard.ts';
import type { AwsCredentials } from '../types.ts';

/** Time the process gets to start listening (a cold Node with Koa and the SDK takes about half a second). */
const START_TIMEOUT_MS = 20_000;
/** In-flight requests get this long on close, then the process is killed. */
const SHUTDOWN_TIMEOUT_MS = 3000;
/** Lines of the process's stderr kept to explain a failed start. */
const STDERR_KEPT_BYTES = 4096;

export interface PublisherProcessOptions {
  /** The entry point it runs: `PUBLISHER_BUNDLE` (built by `buildPublisher`) or `PUBLISHER_SOURCE`. */
  entry: string;
  topicArn: string;
  apiKeys: readonly string[];
  region: string;
  /** The SNS endpoint (AWS_ENDPOINT_URL_SNS). */
  snsEndpoint: string;
  credentials: AwsCredentials;
  /** pino level of the process (its lines go to this process's stdout); default warn. */
  logLevel?: string;
}

/** The publisher in a Node process of its own, as the container runs it elsewhere. */
export interface PublisherProcess extends AsyncDisposable {
  readonly url: string;
  readonly pid: number;
  /** SIGTERM (in-flight requests finish), SIGKILL after a few seconds; resolves once the process is gone. */
  close(): Promise<void>;
}

/**
 * Starts the publisher (`options.entry`: its bundle or `services/publisher/src/server.ts`) as its own process with a clean environment (the topic, the
 * keys, the SNS endpoint, the stack's credentials and Node's compile cache; nothing else of this process), bound to loopback.
 * Its event loop is its own, so the stack's load cannot push its SNS deadline; it learns this process is
 * gone through its IPC channel and stops by itself.
 */
export async function startPublisherProcess(options: PublisherProcessOptions): Promise<PublisherProcess> {
  if (!existsSync(options.entry)) throw new Error(`${options.entry} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [options.entry], {
    env: {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      [PublisherEnv.topicArn]: options.topicArn,
      [PublisherEnv.apiKeys]: options.apiKeys.join(','),
      [PublisherEnv.host]: '127.0.0.1',
      [PublisherEnv.port]: '0',
      [PublisherEnv.logLevel]: options.logLevel ?? 'warn',
      [PublisherEnv.shutdownTimeoutMs]: String(SHUTDOWN_TIMEOUT_MS),
      [PublisherEnv.region]: options.region,
      AWS_ENDPOINT_URL_SNS: options.snsEndpoint,
      AWS_ACCESS_KEY_ID: options.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: options.credentials.secretAccessKey,
      ...(options.credentials.sessionToken ? { AWS_SESSION_TOKEN: options.credentials.sessionToken } : {}),
      // No profile of the developer's may redirect or re-sign the publisher's calls.
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      // The run's V8 code cache (`npm run features` sets one), which the publisher's code never reads: started
      // with it, the bundle was listening after 174-214 ms and 190-230 ms of CPU, against 254-303 and 260-310.
      ...(process.env.NODE_COMPILE_CACHE ? { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Its own group: the terminal's Ctrl-C reaches the stack, which closes the publisher first.
    detached: true,
  });
  const forget = child.pid === undefined ? () => {} : guardProcessGroup(child.pid);
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT_BYTES);
    process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    forget();
    resolve();
  }));

  const listening = Promise.withResolvers<string>();
  const timer = setTimeout(() => listening.reject(new Error(`the publisher process did not listen within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
  child.on('message', (message: unknown) => {
    if (isListening(message)) listening.resolve(message.url);
  });
  child.once('exit', (code, signal) => listening.reject(new Error(`the publisher process exited (${signal ?? `code ${code}`}) before listening: ${stderr.trim()}`)));
  child.once('error', (error) => listening.reject(error));

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS + 1000);
        await exited;
        clearTimeout(killer);
      }
    })();
    return closing;
  };
  try {
    const url = await listening.promise;
    return { url, pid: child.pid ?? 0, close, [Symbol.asyncDispose]: close };
  } catch (error) {
    await close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function isListening(message: unknown): message is { type: 'listening'; url: string } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'listening'
    && typeof (message as { url?: unknown }).url === 'string';
}
