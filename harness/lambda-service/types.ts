import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LambdaTiming } from './LambdaTiming.ts';
import type { RequestGate } from '../edge/requestGate.ts';
import type { FunctionCredentials } from './environments/environmentVariables.ts';
import type { DeadLetterSources } from '../embedded/fauxqs-additions/sqs/deadLetterMoves.ts';
import type { SqsStore } from '../embedded/fauxqs-additions/types.ts';

/** Public types of the embedded Lambda service. */

/** One line of a function's log, as the service records it. */
export interface LogLine {
  functionName: string;
  /** The invocation the line belongs to; absent for init output and service messages. */
  requestId?: string;
  /** `platform` marks lines written by the service itself (START, END, REPORT, warnings). */
  stream: 'stdout' | 'stderr' | 'platform';
  message: string;
  /** Epoch milliseconds. */
  timestamp: number;
  /** The function's log group (LoggingConfig.LogGroup) when the line comes from an execution environment. */
  logGroupName?: string;
  /** The environment's log stream (`YYYY/MM/DD/[$LATEST]<32 hex>`); absent for lines of the service itself. */
  logStreamName?: string;
}

/** A line as the log sink gets it: one CloudWatch Logs event of the function's log group. */
export interface LogSinkEntry {
  logGroupName: string;
  logStreamName: string;
  /** Epoch milliseconds. */
  timestamp: number;
  message: string;
}

export interface LambdaServiceOptions {
  /** Region of the ARNs and of the functions' AWS_REGION; default `us-east-1`. */
  region?: string;
  /** Account id of the ARNs; default `000000000000`. */
  accountId?: string;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Port to listen on; default 0 (an ephemeral port). */
  port?: number;
  /**
   * The SNS/SQS emulator. Injected into every function as AWS_ENDPOINT_URL
   * (with dummy credentials) and used by the SQS event source pollers.
   */
  awsEndpointUrl?: string;
  /**
   * fauxqs's SQS store, when fauxqs runs in this process: the SQS event source pollers then receive, delete
   * and change visibility in it directly (event-sources/StoreQueueSource.ts), as Lambda's pollers are
   * internal to AWS; without it they use the SQS API at `awsEndpointUrl`. The functions use that endpoint
   * either way, and so do the mapping checks of the API.
   */
  inProcessSqs?: InProcessSqs;
  /** Where function zips are stored and extracted; default a temporary directory removed on close. */
  dataDir?: string;
  /** The Node binary of the execution environments; default `process.execPath`. */
  nodeBinary?: string;
  /** Called for every log line of every function, as it happens. */
  onLog?: (line: LogLine) => void;
  /**
   * Where every line of every execution environment goes as a log event, as Lambda sends it to
   * CloudWatch Logs: the function's log group, the environment's stream (e.g. the logs service's `store.write`).
   */
  logSink?: (entry: LogSinkEntry) => void;
  /** How long mapping transitions, deletions, idle poll gaps and idle environments take; default `FAST_TIMING` (see LambdaTiming.ts). */
  timing?: LambdaTiming;
  /**
   * On shutdown, how long invocations already running may take to finish before their environments are
   * killed; default 0 (killed at once). Queued invocations fail either way: they never ran.
   */
  shutdownGraceMs?: number;
  /**
   * Run each execution environment as an unprivileged user of its own, in a group per function (see
   * SandboxIdentities); default: when the service runs as root, the only case where it can.
   */
  separateUsers?: boolean;
  /**
   * What the functions (and the SQS pollers, acting for them) sign their AWS calls with; default fresh
   * random ones per service.
   */
  functionCredentials?: FunctionCredentials;
  /** How long a request may take to arrive whole before it is answered 408; default 30 s (SERVER_TIMEOUTS). */
  requestTimeoutMs?: number;
  /** Bytes of code (zips and their extractions) kept at most; default 2 GiB (CodeStorageExceededException past it). */
  maxCodeStorageBytes?: number;
  /** What requests to the service's own port pass first (SigV4, browser refusal); none by default. */
  gate?: RequestGate;
}

/** fauxqs's SQS store in this process, and what the fauxqs additions know of its dead-letter moves. */
export interface InProcessSqs {
  store: SqsStore;
  /** Where each dead-lettered message came from (`DeadLetterQueueSourceArn`, as the additions' ReceiveMessage reports it). */
  deadLetters?: DeadLetterSources;
}

export interface LambdaService extends AsyncDisposable {
  /** Base URL of the Lambda API, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Answers one Lambda API request in this process (for the one-endpoint edge); the same as `url` does. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** The credentials the functions and pollers sign with. */
  readonly functionCredentials: FunctionCredentials;
  /** The last log lines of a function (bounded), oldest first. */
  logs(functionName: string): readonly LogLine[];
  /**
   * Shutdown, first step: stops the pollers, lets running invocations finish within `shutdownGraceMs`,
   * kills every execution environment; the API keeps answering (a Terraform destroy may follow).
   */
  drain(): Promise<void>;
  /** Drains, then closes the server. */
  close(): Promise<void>;
}
