import type { EmbeddedCloud } from '../../embedded/startEmbeddedCloud.ts';
import type { ProvisionedTopology } from '../../provisioner/types.ts';
import type { LambdaLogEvent, ReadLogsOptions, Stack, StackInfo } from '../types.ts';

interface ClosablePublisher {
  url: string;
  close(): Promise<void>;
}

export interface EmbeddedStackParts {
  info: StackInfo;
  cloud: EmbeddedCloud;
  publisher: ClosablePublisher;
  provisioned: ProvisionedTopology;
}

/** A running embedded stack; closing it stops the publisher first, then the cloud, and leaves no process behind. */
export class EmbeddedStack implements Stack {
  readonly info: StackInfo;
  readonly provisioned: ProvisionedTopology;
  readonly #cloud: EmbeddedCloud;
  readonly #publisher: ClosablePublisher;
  #closed: Promise<void> | undefined;

  constructor(parts: EmbeddedStackParts) {
    this.info = parts.info;
    this.provisioned = parts.provisioned;
    this.#cloud = parts.cloud;
    this.#publisher = parts.publisher;
  }

  async readLambdaLogs(functionName: string, options: ReadLogsOptions = {}): Promise<string[]> {
    return (await this.readLambdaLogEvents(functionName, options)).map((event) => event.message);
  }

  async readLambdaLogEvents(functionName: string, options: ReadLogsOptions = {}): Promise<LambdaLogEvent[]> {
    const events = this.#cloud.lambdaService.logs(functionName).map(({ timestamp, message }) => ({ timestamp, message }));
    return options.limit === undefined ? events : events.slice(-options.limit);
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      try {
        await this.#publisher.close();
      } finally {
        await this.#cloud.close();
      }
    })();
    return this.#closed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
