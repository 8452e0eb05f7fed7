import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import type { MappingChanges } from '../mappings/EventSourceMappingStore.ts';
import { toMappingConfiguration } from '../mappings/toMappingConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireMapping } from './requireMapping.ts';
import { checkBatching, checkDestinationConfig, checkQueueVisibility, requireMappedFunction, sqsQueueName } from './checkSqsEventSource.ts';
import { FunctionNameParam } from './commonSchemas.ts';
import { MappingSettings } from './mappingSchemas.ts';

const UpdateEventSourceMappingInput = z.object({
  UUID: z.string(),
  FunctionName: FunctionNameParam.optional(),
  ...MappingSettings,
});

/**
 * UpdateEventSourceMapping: Enabled, BatchSize, MaximumBatchingWindowInSeconds,
 * ScalingConfig (an empty one removes the cap), FunctionResponseTypes,
 * FunctionName. Answers Enabling, Disabling or Updating; the poller follows.
 */
export async function updateEventSourceMapping(input: unknown, ctx: ActionContext<'location' | 'functions' | 'mappings' | 'sqs'>): Promise<EventSourceMappingConfiguration> {
  const request = parseInput(UpdateEventSourceMappingInput, input);
  const current = requireMapping(ctx, request.UUID);
  checkDestinationConfig(request.DestinationConfig);
  let fn = ctx.functions.get(current.functionName);
  let mappedArn = current.functionArn;
  if (request.FunctionName !== undefined) {
    ({ fn, functionArn: mappedArn } = requireMappedFunction(ctx, request.FunctionName));
  }
  const batchSize = request.BatchSize ?? current.batchSize;
  const windowSeconds = request.MaximumBatchingWindowInSeconds ?? current.maximumBatchingWindowInSeconds;
  const queueName = sqsQueueName(current.eventSourceArn);
  checkBatching(queueName, batchSize, windowSeconds);
  if (fn && fn.name !== current.functionName) {
    await checkQueueVisibility(ctx, queueName, fn);
  }
  const changes: MappingChanges = {
    ...(fn ? { functionName: fn.name, functionArn: mappedArn } : {}),
    enabled: request.Enabled ?? current.enabled,
    batchSize,
    maximumBatchingWindowInSeconds: windowSeconds,
    maximumConcurrency: request.ScalingConfig ? request.ScalingConfig.MaximumConcurrency : current.maximumConcurrency,
    functionResponseTypes: request.FunctionResponseTypes ?? current.functionResponseTypes,
  };
  // The queue check may have waited: a mapping whose deletion came meanwhile is not found, as one deleted before.
  requireMapping(ctx, current.uuid);
  // The poller registry moves it to Enabling, Disabling or Updating and on (it subscribes to the store).
  const updated = ctx.mappings.update(current.uuid, changes) ?? current;
  return { ...toMappingConfiguration(ctx.location, updated) } satisfies EventSourceMappingConfiguration;
}
