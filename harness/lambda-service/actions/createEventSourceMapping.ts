import { randomUUID } from 'node:crypto';
import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { InvalidParameterValueException, ResourceConflictException } from '../errors.ts';
import type { NewMapping } from '../mappings/EventSourceMappingStore.ts';
import { toMappingConfiguration } from '../mappings/toMappingConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { checkBatching, checkDestinationConfig, checkQueueVisibility, requireMappedFunction, sqsQueueName } from './checkSqsEventSource.ts';
import { checkTagCount, FunctionNameParam, TagsSchema } from './commonSchemas.ts';
import { MappingSettings } from './mappingSchemas.ts';

const CreateEventSourceMappingInput = z.object({
  FunctionName: FunctionNameParam,
  EventSourceArn: z.string().optional(),
  ...MappingSettings,
  Tags: TagsSchema.optional(),
});

/**
 * CreateEventSourceMapping (SQS): answers Creating; the poller starts and the
 * state becomes Enabled or Disabled. Checked in the order AWS checks
 * (LocalStack's AWS-recorded parity snapshots `TestLambdaEventSourceMappings::
 * test_event_source_mapping_exceptions` and `TestSQSEventSourceMapping::
 * test_duplicate_event_source_mappings`): the destination config, the event
 * source, the batching, the function ("Function does not exist", 400), the
 * queue, then a mapping of the same queue to the same function ARN (409).
 * A `name:$LATEST` function keeps its qualifier in the mapping's FunctionArn
 * (`::test_function_name_variations`). Tags are kept for ListTags on the
 * mapping's ARN (`TestLambdaTag::test_create_tag_on_esm_create`).
 */
export async function createEventSourceMapping(input: unknown, ctx: ActionContext<'location' | 'functions' | 'mappings' | 'sqs'>): Promise<EventSourceMappingConfiguration> {
  const request = parseInput(CreateEventSourceMappingInput, input);
  checkDestinationConfig(request.DestinationConfig);
  if (request.EventSourceArn === undefined) {
    throw new InvalidParameterValueException('Unrecognized event source.');
  }
  const eventSourceArn = request.EventSourceArn;
  const queueName = sqsQueueName(eventSourceArn);
  const batchSize = request.BatchSize ?? 10;
  const windowSeconds = request.MaximumBatchingWindowInSeconds ?? 0;
  checkBatching(queueName, batchSize, windowSeconds);
  const { fn, functionArn } = requireMappedFunction(ctx, request.FunctionName);
  await checkQueueVisibility(ctx, queueName, fn);
  const existing = ctx.mappings.list({ eventSourceArn }).find((mapping) => mapping.functionArn === functionArn);
  if (existing) {
    throw new ResourceConflictException(
      `An event source mapping with SQS arn (" ${eventSourceArn} ") and function (" ${fn.name} ") already exists. Please update or delete the existing mapping with UUID ${existing.uuid}`,
    );
  }
  const tags = checkTagCount(request.Tags ?? {});
  const requested: NewMapping = {
    uuid: randomUUID(),
    functionName: fn.name,
    functionArn,
    eventSourceArn,
    enabled: request.Enabled ?? true,
    batchSize,
    maximumBatchingWindowInSeconds: windowSeconds,
    maximumConcurrency: request.ScalingConfig?.MaximumConcurrency,
    functionResponseTypes: request.FunctionResponseTypes ?? [],
    tags,
  };
  // Creating (or Disabled), then on: the poller registry's, which subscribes to the store.
  const mapping = ctx.mappings.create(requested);
  return { ...toMappingConfiguration(ctx.location, mapping) } satisfies EventSourceMappingConfiguration;
}
