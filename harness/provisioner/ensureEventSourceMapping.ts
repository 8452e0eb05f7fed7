import {
  CreateEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { waitForMappingState } from './waitForMappingState.ts';

export interface EnsureMappingInput {
  functionName: string;
  queueArn: string;
  batchSize: number;
  maximumBatchingWindowSeconds: number;
  maximumConcurrency: number;
}

/** How long a mapping may take to become Enabled (AWS-recorded tests allow about 30 s; Terraform 10 min). */
const ENABLED_DEADLINE_MS = 120_000;
const POLL_MS = 250;

/**
 * One SQS mapping per function and queue, with partial batch responses; updated in place on a second run.
 * Returns once the mapping is Enabled, as the Terraform provider's apply does (`waitEventSourceMappingCreate`):
 * on AWS a new mapping takes seconds to start polling.
 */
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
    await waitUntilEnabled(lambda, existing);
    return existing;
  }
  const created = await lambda.send(new CreateEventSourceMappingCommand({
    FunctionName: input.functionName,
    EventSourceArn: input.queueArn,
    ...settings,
  }));
  if (!created.UUID) throw new Error(`CreateEventSourceMapping returned no UUID for ${input.functionName}`);
  await waitUntilEnabled(lambda, created.UUID);
  return created.UUID;
}

function waitUntilEnabled(lambda: LambdaClient, uuid: string): Promise<void> {
  return waitForMappingState(lambda, uuid, 'Enabled', { timeoutMs: ENABLED_DEADLINE_MS, intervalMs: POLL_MS });
}
