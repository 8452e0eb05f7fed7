import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { readLambdaLogEvents, readLambdaLogs } from './cloudWatchLambdaLogs.ts';
import { Teardown } from './Teardown.ts';
import type { LambdaLogEvent, ReadLogsOptions, Stack, StackInfo } from './types.ts';

export interface DeployedStackOptions {
  info: StackInfo;
  /** See {@link Stack.shared}: true for a stack the harness attached to rather than started. */
  shared: boolean;
  /** What closing stops besides the SDK clients; nothing for stacks the harness did not start. */
  teardown?: Teardown;
}

/** A stack running on AWS or an emulator: Lambda logs from CloudWatch Logs, and the SDK clients to dispose. */
export class DeployedStack implements Stack {
  readonly info: StackInfo;
  readonly shared: boolean;
  readonly #logs: CloudWatchLogsClient;
  readonly #teardown: Teardown;

  constructor(options: DeployedStackOptions) {
    this.info = options.info;
    this.shared = options.shared;
    this.#teardown = options.teardown ?? new Teardown();
    this.#logs = new CloudWatchLogsClient({
      region: options.info.region,
      ...(options.info.endpoints.logs ? { endpoint: options.info.endpoints.logs } : {}),
      // A copy: the SDK marks the credentials object it is given ($source), which would leak into `info`.
      ...(options.info.credentials ? { credentials: { ...options.info.credentials } } : {}),
    });
    this.#teardown.add('CloudWatch Logs client', async () => this.#logs.destroy());
  }

  readLambdaLogs(functionName: string, options: ReadLogsOptions = {}): Promise<string[]> {
    return readLambdaLogs(this.#logs, functionName, options.limit === undefined ? {} : { limit: options.limit });
  }

  readLambdaLogEvents(functionName: string, options: ReadLogsOptions = {}): Promise<LambdaLogEvent[]> {
    return readLambdaLogEvents(this.#logs, functionName, options.limit === undefined ? {} : { limit: options.limit });
  }

  close(): Promise<void> {
    return this.#teardown.run();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
