import { CreateFunctionCommand, InvokeCommand, LambdaClient, type CreateFunctionCommandInput } from '@aws-sdk/client-lambda';
import { startLambdaService, type LambdaService, type LambdaServiceOptions } from '../../../harness/lambda-service/startLambdaService.ts';
import { zipFixture } from './zipFunction.ts';

/** A running Lambda service and a client for it. */
export interface LambdaTestKit {
  service: LambdaService;
  lambda: LambdaClient;
  /** Creates a function from a fixture folder (handler `index.handler`, nodejs24.x unless overridden). */
  deploy(name: string, fixture: string, overrides?: Partial<CreateFunctionCommandInput>): Promise<void>;
  /** Invokes synchronously and decodes the payload as JSON. */
  invoke(name: string, event?: unknown, options?: { tail?: boolean }): Promise<InvokeResult>;
  close(): Promise<void>;
}

export interface InvokeResult {
  statusCode?: number;
  functionError?: string;
  payload: unknown;
  logResult?: string;
  requestId?: string;
}

export const ROLE = 'arn:aws:iam::000000000000:role/lambda-role';

export async function startLambdaTestKit(options: LambdaServiceOptions = {}): Promise<LambdaTestKit> {
  const service = await startLambdaService(options);
  const lambda = new LambdaClient({
    endpoint: service.url,
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return {
    service,
    lambda,
    async deploy(name, fixture, overrides = {}) {
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs24.x',
          Handler: 'index.handler',
          Role: ROLE,
          Code: { ZipFile: await zipFixture(fixture) },
          ...overrides,
        }),
      );
    },
    async invoke(name, event = {}, invokeOptions = {}) {
      const output = await lambda.send(
        new InvokeCommand({
          FunctionName: name,
          Payload: Buffer.from(JSON.stringify(event)),
          LogType: invokeOptions.tail ? 'Tail' : undefined,
        }),
      );
      const text = Buffer.from(output.Payload ?? new Uint8Array()).toString('utf8');
      return {
        statusCode: output.StatusCode,
        functionError: output.FunctionError,
        payload: text === '' ? undefined : JSON.parse(text),
        logResult: output.LogResult,
        requestId: output.$metadata.requestId,
      };
    },
    async close() {
      lambda.destroy();
      await service.close();
    },
  };
}
