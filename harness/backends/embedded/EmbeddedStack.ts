import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { QueuedMessages } from '../../embedded/countQueuedMessages.ts';
import type { EmbeddedCloud } from '../../embedded/startEmbeddedCloud.ts';
import { disposeAll } from '../../lifecycle/disposeAll.ts';
import { readLambdaLogEvents } from '../cloudWatchLambdaLogs.ts';
import type { LambdaLogEvent, ReadLogsOptions, Stack, StackInfo } from '../types.ts';
import type { TerraformDeployment } from './deployWithTerraform.ts';

/** Lines a read returns when it names no limit (the Lambda service keeps 2,000 per function in memory too). */
const EMBEDDED_LOG_LIMIT = 10_000;

interface ClosablePublisher {
  url: string;
  close(): Promise<void>;
}

export interface EmbeddedStackParts {
  info: StackInfo;
  cloud: EmbeddedCloud;
  publisher: ClosablePublisher;
  /** Present when terraform/ was applied: closing destroys it before the cloud stops. */
  terraform?: TerraformDeployment;
  /** Told, on close, what the queues still held once the invocations in flight were over (it is lost). */
  onDiscarded?: (queues: QueuedMessages[]) => void;
}

/**
 * A running embedded stack. Lambda logs are read through CloudWatch Logs, as on every backend. Closing
 * leaves no process behind.
 */
export class EmbeddedStack implements Stack {
  readonly info: StackInfo;
  /** Each worker starts its own, and nothing else uses it. */
  readonly shared = false;
  readonly inProcessSqs: Stack['inProcessSqs'];
  readonly #cloud: EmbeddedCloud;
  readonly #publisher: ClosablePublisher;
  readonly #terraform: TerraformDeployment | undefined;
  readonly #onDiscarded: ((queues: QueuedMessages[]) => void) | undefined;
  readonly #logs: CloudWatchLogsClient;
  #closed: Promise<void> | undefined;

  constructor(parts: EmbeddedStackParts) {
    this.info = parts.info;
    this.#cloud = parts.cloud;
    this.inProcessSqs = parts.cloud.inProcessSqs;
    this.#publisher = parts.publisher;
    this.#terraform = parts.terraform;
    this.#onDiscarded = parts.onDiscarded;
    this.#logs = new CloudWatchLogsClient({
      region: parts.info.region,
      endpoint: parts.cloud.endpoints.logs,
      ...(parts.info.credentials ? { credentials: { ...parts.info.credentials } } : {}),
    });
  }

  async readLambdaLogs(functionName: string, options: ReadLogsOptions = {}): Promise<string[]> {
    return (await this.readLambdaLogEvents(functionName, options)).map((event) => event.message);
  }

  /** Through CloudWatch Logs, as on every backend; the local emulator can afford the whole log by default. */
  readLambdaLogEvents(functionName: string, options: ReadLogsOptions = {}): Promise<LambdaLogEvent[]> {
    return readLambdaLogEvents(this.#logs, functionName, { limit: options.limit ?? EMBEDDED_LOG_LIMIT });
  }

  /**
   * In order: the publisher stops accepting (its requests in flight are answered), no batch is received
   * any more and the invocations running finish (bounded), what the queues still hold is reported, then
   * Terraform destroys what it applied and the cloud stops. A failing step does not skip the later ones.
   */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      // Deferred in reverse: the stack disposes last-in, first-out.
      const steps = new AsyncDisposableStack();
      steps.defer(() => this.#cloud.close());
      steps.defer(() => this.#logs.destroy());
      steps.defer(async () => {
        await this.#terraform?.destroy();
      });
      steps.defer(async () => this.#onDiscarded?.(await this.#cloud.drain()));
      steps.defer(() => this.#publisher.close());
      await disposeAll(steps);
    })();
    return this.#closed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
