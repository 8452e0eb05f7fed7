import {
  CreateFunctionCommand,
  GetFunctionCommand,
  ResourceNotFoundException,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  type LambdaClient,
} from '@aws-sdk/client-lambda';

/** The runtime the Terraform deploys; the embedded Lambda service runs it on the project's pinned Node 24. */
export const LAMBDA_RUNTIME = 'nodejs24.x';

export interface EnsureFunctionInput {
  functionName: string;
  zipFile: Uint8Array;
  handler: string;
  timeout: number;
  memorySize: number;
  environment: Record<string, string>;
  /** IAM is not enforced by the embedded backend; the ARN only has to be well formed. */
  role: string;
}

async function exists(lambda: LambdaClient, functionName: string): Promise<boolean> {
  try {
    await lambda.send(new GetFunctionCommand({ FunctionName: functionName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

/** Creates the function, or updates its code and configuration when it is already there. Returns its ARN. */
export async function ensureFunction(lambda: LambdaClient, input: EnsureFunctionInput): Promise<string> {
  const configuration = {
    FunctionName: input.functionName,
    Handler: input.handler,
    Timeout: input.timeout,
    MemorySize: input.memorySize,
    Environment: { Variables: input.environment },
    Role: input.role,
    Runtime: LAMBDA_RUNTIME,
  } as const;
  if (!(await exists(lambda, input.functionName))) {
    const created = await lambda.send(new CreateFunctionCommand({ ...configuration, Code: { ZipFile: input.zipFile } }));
    if (!created.FunctionArn) throw new Error(`CreateFunction returned no ARN for ${input.functionName}`);
    return created.FunctionArn;
  }
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: input.functionName, ZipFile: input.zipFile }));
  // Lambda refuses a configuration update while the code update is in progress (ResourceConflictException).
  await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 120, minDelay: 1 }, { FunctionName: input.functionName });
  const updated = await lambda.send(new UpdateFunctionConfigurationCommand(configuration));
  if (!updated.FunctionArn) throw new Error(`UpdateFunctionConfiguration returned no ARN for ${input.functionName}`);
  return updated.FunctionArn;
}
