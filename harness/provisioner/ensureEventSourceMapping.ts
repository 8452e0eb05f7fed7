import {
  CreateEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';

export interface EnsureMappingInput {
  functionName: string;
  queueArn: string;
  batchSize: number;
  maximumBatchingWindowSeconds: number;
  maximumConcurrency: number;
}

/** One SQS mapping per function and queue, with partial batch responses; updated in place on a second run. */
export async function ensureEventSourceMapping(lambda: LambdaClient, input: EnsureMappingInput): Promise<string> {
  const settings = {
    BatchSize: input.batchSize,
    MaximumBatchingWindowInSeconds: input.maximumBatchingWindowSeconds,
    ScalingConfig: { MaximumConcurrency: input.maximumConcurrency },
    FunctionResponseTypes: ['ReportBatchItemFailures' as const],
    Enabled: true,
  };
  const { EventSourceMappings = [] } = await lambda.send(new ListEventSourceMappingsCommand({
    FunctionName: input.functionName,
    EventSourceArn: input.queueArn,
  }));
  const existing = EventSourceMappings[0]?.UUID;
  if (existing) {
    await lambda.send(new UpdateEventSourceMappingCommand({ UUID: existing, FunctionName: input.functionName, ...settings }));
    return existing;
  }
  const created = await lambda.send(new CreateEventSourceMappingCommand({
    FunctionName: input.functionName,
    EventSourceArn: input.queueArn,
    ...settings,
  }));
  if (!created.UUID) throw new Error(`CreateEventSourceMapping returned no UUID for ${input.functionName}`);
  return created.UUID;
}
