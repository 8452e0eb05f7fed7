import type { InProcessSqs } from '../lambda-service/types.ts';

/** The backends one feature suite runs on; chosen by `FANOUT_BACKEND` or `--backend`. */
export const BackendName = {
  embedded: 'embedded',
  localstack: 'localstack',
  compose: 'compose',
  aws: 'aws',
} as const;
export type BackendName = (typeof BackendName)[keyof typeof BackendName];

/** Per-service endpoint overrides; an absent one means the SDK default (real AWS). */
export interface AwsEndpoints {
  /** One endpoint for every service (LocalStack's 4566, the embedded stack's edge), where there is one. */
  aws?: string;
  sns?: string;
  sqs?: string;
  lambda?: string;
  logs?: string;
  iam?: string;
  sts?: string;
}

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What specs and tools need to talk to a running stack. `.fanout/stack.json` holds a subset of it. */
export interface StackInfo {
  backend: BackendName;
  apiUrl: string;
  docsUrl: string;
  /** A key the publisher accepts, when it is configured with keys. */
  apiKey?: string;
  region: string;
  endpoints: AwsEndpoints;
  /** Absent on `aws`: the SDK's default credential chain applies. */
  credentials?: AwsCredentials;
  topicArn: string;
  outcomesQueueUrl: string;
}

export interface ReadLogsOptions {
  /** Most recent lines to return. */
  limit?: number;
}

/** One line of a function's log, with when it was written (epoch ms, by the clock of whoever wrote it). */
export interface LambdaLogEvent {
  timestamp: number;
  message: string;
  /** The CloudWatch Logs stream it was written to (one per execution environment), where the backend says. */
  logStreamName?: string;
}

/** A started stack: endpoints, logs, and disposal that tears down whatever the backend started. */
export interface Stack extends AsyncDisposable {
  readonly info: StackInfo;
  /**
   * One stack for every worker and possibly other users (deployed, or brought up beforehand), which the specs
   * only read and never change: they do not pause its mappings or drain its dead-letter queues, and run it
   * with one worker. Each backend's stack says so itself, so that the specs never name a backend.
   */
  readonly shared: boolean;
  /**
   * The stack's SQS store when it runs in this process (the embedded backend): the harness reads the outcomes
   * queue and the dead-letter queues from it directly, as the Lambda service's pollers do, instead of calling
   * itself over HTTP. Absent on every other backend, whose queues are read through the SQS API.
   */
  readonly inProcessSqs?: InProcessSqs;
  /** The function's recent log lines (START/END/REPORT and its own output), oldest first. */
  readLambdaLogs(functionName: string, options?: ReadLogsOptions): Promise<string[]>;
  /** The same lines with their timestamps: the START and REPORT lines date an invocation. */
  readLambdaLogEvents(functionName: string, options?: ReadLogsOptions): Promise<LambdaLogEvent[]>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** tfvars overlays applied on top of `terraform/fanout.auto.tfvars.json`, e.g. the fast-timers profile. */
  overlays?: readonly string[];
  /** Called with progress lines while the stack comes up. */
  onProgress?: (message: string) => void;
}

export interface Backend {
  readonly name: BackendName;
  start(options?: StartOptions): Promise<Stack>;
}
