import { startLambdaService, type LambdaService, type LambdaServiceOptions } from '../lambda-service/startLambdaService.ts';
import { startLoopbackFauxqs, type LoopbackFauxqs } from './startLoopbackFauxqs.ts';

/** Credentials the emulators accept; they are never checked. */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

export interface EmbeddedCloudOptions {
  region?: string;
  onLog?: LambdaServiceOptions['onLog'];
}

/** fauxqs (SNS and SQS) and the Lambda service, on ephemeral loopback ports. */
export interface EmbeddedCloud extends AsyncDisposable {
  region: string;
  endpoints: { sns: string; sqs: string; lambda: string };
  lambdaService: LambdaService;
  close(): Promise<void>;
}

/** Starts the embedded cloud; its Lambdas reach SNS/SQS through `AWS_ENDPOINT_URL`, as on LocalStack. */
export async function startEmbeddedCloud(options: EmbeddedCloudOptions = {}): Promise<EmbeddedCloud> {
  const region = options.region ?? 'us-east-1';
  const fauxqs: LoopbackFauxqs = await startLoopbackFauxqs({ region });
  let lambdaService: LambdaService;
  try {
    lambdaService = await startLambdaService({
      region,
      awsEndpointUrl: fauxqs.url,
      ...(options.onLog ? { onLog: options.onLog } : {}),
    });
  } catch (error) {
    await fauxqs.close();
    throw error;
  }
  const close = async (): Promise<void> => {
    // Pollers stop before the queues they poll go away.
    const results = await Promise.allSettled([lambdaService.close()]);
    results.push(...(await Promise.allSettled([fauxqs.close()])));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  };
  return {
    region,
    endpoints: { sns: fauxqs.url, sqs: fauxqs.url, lambda: lambdaService.url },
    lambdaService,
    close,
    [Symbol.asyncDispose]: close,
  };
}
