import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { ResourceNotFoundException } from '../errors.ts';
import { MappingState, type MappingRecord } from '../mappings/EventSourceMappingStore.ts';
import { toMappingConfiguration } from '../mappings/toMappingConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
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
export async function updateEventSourceMapping(input: unknown, ctx: ActionContext): Promise<EventSourceMappingConfiguration> {
  const request = parseInput(UpdateEventSourceMappingInput, input);
  const current = ctx.mappings.get(request.UUID);
  if (!current || current.state === MappingState.Deleting) {
    throw ResourceNotFoundException.forMapping();
  }
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
  const enabled = request.Enabled ?? current.enabled;
  const changes: Partial<MappingRecord> = {
    ...(fn ? { functionName: fn.name, functionArn: mappedArn } : {}),
    enabled,
    batchSize,
    maximumBatchingWindowInSeconds: windowSeconds,
    maximumConcurrency: request.ScalingConfig ? request.ScalingConfig.MaximumConcurrency : current.maximumConcurrency,
    functionResponseTypes: request.FunctionResponseTypes ?? current.functionResponseTypes,
    state: enabled === current.enabled ? MappingState.Updating : enabled ? MappingState.Enabling : MappingState.Disabling,
    lastModified: new Date(),
  };
  const updated = ctx.mappings.patch(current.uuid, changes);
  if (!updated) {
    throw ResourceNotFoundException.forMapping();
  }
  ctx.pollers.sync(updated.uuid);
  return { ...toMappingConfiguration(ctx.location, updated) } satisfies EventSourceMappingConfiguration;
}
