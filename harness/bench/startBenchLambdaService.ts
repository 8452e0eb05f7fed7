import { Agent } from 'node:http';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { EMULATOR_ACCOUNT_ID, EMULATOR_CREDENTIALS } from '../aws/emulator.ts';
import { closeOnce } from '../lifecycle/disposeAll.ts';
import { startLambdaService, type LambdaService } from '../lambda-service/startLambdaService.ts';

export interface BenchLambdaService extends AsyncDisposable {
  service: LambdaService;
  /** A keep-alive client without retries: a failure shows as one. */
  lambda: LambdaClient;
  /** CreateFunction of `zip` (handler `index.handler`, nodejs24.x). */
  createFunction(name: string, zip: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** A fresh Lambda service on loopback (no SQS behind it) and a client for it. */
export async function startBenchLambdaService(): Promise<BenchLambdaService> {
  const service = await startLambdaService({ region: 'us-east-1' });
  const lambda = new LambdaClient({
    region: 'us-east-1',
    endpoint: service.url,
    credentials: { ...EMULATOR_CREDENTIALS },
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 4 }) },
  });
  // Disposed last-in, first-out: the client, then the service.
  const resources = new AsyncDisposableStack();
  resources.use(service);
  resources.defer(() => lambda.destroy());
  const close = closeOnce(resources);
  return {
    service,
    lambda,
    async createFunction(name, zip) {
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs24.x',
          Handler: 'index.handler',
          Role: `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:role/bench`,
          Timeout: 10,
          MemorySize: 128,
          Code: { ZipFile: zip },
        }),
      );
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
