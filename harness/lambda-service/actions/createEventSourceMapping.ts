import { randomUUID } from 'node:crypto';
import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { ResourceConflictException } from '../errors.ts';
import { MappingState, type MappingRecord } from '../mappings/EventSourceMappingStore.ts';
import { toMappingConfiguration } from '../mappings/toMappingConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireFunction } from './requireFunction.ts';
import { checkBatching, checkQueueVisibility, sqsQueueName } from './checkSqsEventSource.ts';
import { checkTagCount, FunctionNameParam, TagsSchema } from './commonSchemas.ts';
import { MappingSettings } from './mappingSchemas.ts';

const CreateEventSourceMappingInput = z.object({
  FunctionName: FunctionNameParam,
  EventSourceArn: z.string(),
  ...MappingSettings,
  Tags: TagsSchema.optional(),
});

/**
 * CreateEventSourceMapping (SQS): answers Creating; the poller starts and the
 * state becomes Enabled or Disabled. Tags are kept for ListTags on the
 * mapping's ARN (LocalStack parity snapshot `TestLambdaTag::test_create_tag_on_esm_create`).
 */
export async function createEventSourceMapping(input: unknown, ctx: ActionContext): Promise<EventSourceMappingConfiguration> {
  const request = parseInput(CreateEventSourceMappingInput, input);
  const queueName = sqsQueueName(request.EventSourceArn);
  const { name, fn } = requireFunction(ctx, request.FunctionName);
  const existing = ctx.mappings.list({ functionName: name, eventSourceArn: request.EventSourceArn })[0];
  if (existing) {
    throw new ResourceConflictException(
      `The event source arn (" ${request.EventSourceArn} ") and function (" ${name} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${existing.uuid}`,
    );
  }
  const tags = checkTagCount(request.Tags ?? {});
  const batchSize = request.BatchSize ?? 10;
  const windowSeconds = request.MaximumBatchingWindowInSeconds ?? 0;
  checkBatching(queueName, batchSize, windowSeconds);
  await checkQueueVisibility(ctx, queueName, fn);
  const mapping: MappingRecord = {
    uuid: randomUUID(),
    functionName: name,
    functionArn: fn.arn,
    eventSourceArn: request.EventSourceArn,
    enabled: request.Enabled ?? true,
    batchSize,
    maximumBatchingWindowInSeconds: windowSeconds,
    maximumConcurrency: request.ScalingConfig?.MaximumConcurrency,
    functionResponseTypes: request.FunctionResponseTypes ?? [],
    state: MappingState.Creating,
    lastModified: new Date(),
    tags,
  };
  ctx.mappings.put(mapping);
  ctx.pollers.sync(mapping.uuid);
  return { ...toMappingConfiguration(ctx.location, mapping) } satisfies EventSourceMappingConfiguration;
}
