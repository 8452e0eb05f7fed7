import { fauxqsService } from '../edge/fauxqsService.ts';
import type { EdgeStats } from '../edge/EdgeStats.ts';
import { startEdge, type Edge } from '../edge/startEdge.ts';
import { createIamService } from '../iam-service/createIamService.ts';
import { startLambdaService, type LambdaService, type LambdaServiceOptions } from '../lambda-service/startLambdaService.ts';
import type { InProcessSqs } from '../lambda-service/types.ts';
import { createLogsService } from '../logs-service/createLogsService.ts';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import { EMULATOR_ACCOUNT_ID } from '../aws/emulator.ts';
import type { AwsCredentials } from '../backends/types.ts';
import { createRequestGate } from '../edge/requestGate.ts';
import { CredentialStore, randomCredentials } from '../edge/sigv4/CredentialStore.ts';
import { closeOnce } from '../lifecycle/disposeAll.ts';
import { createStsService } from '../sts-service/createStsService.ts';
import { countQueuedMessages, type QueuedMessages } from './countQueuedMessages.ts';
import { startLoopbackFauxqs, type LoopbackFauxqs } from './startLoopbackFauxqs.ts';

/** On shutdown, how long running invocations get to finish (a batch's messages are then deleted, not redelivered). */
export const SHUTDOWN_GRACE_MS = 5000;

export interface EmbeddedCloudOptions {
  region?: string;
  onLog?: LambdaServiceOptions['onLog'];
  /** The Lambda service's timing profile (mapping transitions, deletions, idle poll gaps); default the fast one. */
  timing?: LambdaServiceOptions['timing'];
  /** Default SHUTDOWN_GRACE_MS. */
  shutdownGraceMs?: number;
  /** What clients must sign their requests with; default fresh random credentials. */
  credentials?: AwsCredentials;
  /** Check SigV4 signatures on every endpoint; default true (browser requests are refused either way). */
  verifySignatures?: boolean;
}

/** Every emulated service on one loopback endpoint, and SNS/SQS and Lambda on their own ports too. */
export interface EmbeddedCloudEndpoints {
  /** The one endpoint (like LocalStack's 4566): SNS, SQS, Lambda, IAM, STS and CloudWatch Logs. */
  aws: string;
  sns: string;
  sqs: string;
  lambda: string;
  iam: string;
  sts: string;
  logs: string;
}

/** fauxqs (SNS and SQS), the Lambda, IAM, STS and CloudWatch Logs services, on ephemeral loopback ports. */
export interface EmbeddedCloud extends AsyncDisposable {
  region: string;
  /** The stack's credentials: every endpoint verifies the SigV4 signatures of requests against them. */
  credentials: AwsCredentials;
  endpoints: EmbeddedCloudEndpoints;
  lambdaService: LambdaService;
  /** fauxqs's SQS store in this process: what the Lambda service's pollers, and the harness's own observer, read directly. */
  inProcessSqs: InProcessSqs;
  /** Requests the one endpoint answered, per service, and the time spent answering them. */
  edgeStats: EdgeStats;
  /**
   * Shutdown, first step (once; close does it too): no batch is received any more, running invocations
   * finish within the grace, and what the queues still hold is counted: it goes with the emulator. The
   * APIs keep answering (for a Terraform destroy).
   */
  drain(): Promise<QueuedMessages[]>;
  close(): Promise<void>;
}

/** Starts the embedded cloud; its Lambdas reach SNS/SQS through `AWS_ENDPOINT_URL`, as on LocalStack. */
export async function startEmbeddedCloud(options: EmbeddedCloudOptions = {}): Promise<EmbeddedCloud> {
  const region = options.region ?? 'us-east-1';
  // Reverse start order: the edge stops taking requests, pollers stop before the queues they poll go away.
  const resources = new AsyncDisposableStack();
  const close = closeOnce(resources);
  let drain = (): Promise<QueuedMessages[]> => Promise.resolve([]);
  const credentials = options.credentials ?? randomCredentials();
  const accepted = new CredentialStore();
  accepted.add({ ...credentials });
  const gate = createRequestGate({ credentials: accepted, verifySignatures: options.verifySignatures ?? true });
  try {
    const fauxqs: LoopbackFauxqs = await startLoopbackFauxqs({ region, gate });
    resources.defer(() => fauxqs.close());
    const logs = createLogsService({ accountId: EMULATOR_ACCOUNT_ID, region });
    const inProcessSqs: InProcessSqs = { store: fauxqs.sqs.store, ...(fauxqs.sqs.deadLetters ? { deadLetters: fauxqs.sqs.deadLetters } : {}) };
    const lambdaService = await startLambdaService({
      region,
      accountId: EMULATOR_ACCOUNT_ID,
      awsEndpointUrl: fauxqs.url,
      // Lambda's pollers are internal to AWS: these read fauxqs's store, the functions use the endpoint.
      inProcessSqs,
      logSink: (entry) => logs.store.write(entry),
      shutdownGraceMs: options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS,
      gate,
      ...(options.onLog ? { onLog: options.onLog } : {}),
      ...(options.timing ? { timing: options.timing } : {}),
    });
    accepted.add({ ...lambdaService.functionCredentials });
    resources.defer(() => lambdaService.close());
    let drained: Promise<QueuedMessages[]> | undefined;
    drain = () => {
      drained ??= (async () => {
        await lambdaService.drain();
        const sqs = createSqsClient({ endpoint: fauxqs.url, region, credentials });
        try {
          return await countQueuedMessages(sqs);
        } finally {
          sqs.destroy();
        }
      })();
      return drained;
    };
    const edge: Edge = await startEdge({
      services: [
        fauxqsService(fauxqs, 'sns'),
        fauxqsService(fauxqs, 'sqs'),
        { signingName: 'lambda', handle: lambdaService.handle },
        createIamService({ accountId: EMULATOR_ACCOUNT_ID }),
        createStsService({ accountId: EMULATOR_ACCOUNT_ID, onCredentialsIssued: (issued) => accepted.add(issued) }),
        logs,
      ],
      gate,
    });
    resources.defer(() => edge.close());
    return {
      region,
      credentials,
      endpoints: { aws: edge.url, sns: fauxqs.url, sqs: fauxqs.url, lambda: lambdaService.url, iam: edge.url, sts: edge.url, logs: edge.url },
      lambdaService,
      inProcessSqs,
      edgeStats: edge.stats,
      drain: () => drain(),
      close,
      [Symbol.asyncDispose]: close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
