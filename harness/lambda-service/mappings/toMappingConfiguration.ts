import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { eventSourceMappingArn, type ServiceLocation } from '../arns.ts';
import type { MappingRecord } from './EventSourceMappingStore.ts';

/** A mapping as Lambda describes it. */
export function toMappingConfiguration(
  location: ServiceLocation,
  mapping: MappingRecord,
): EventSourceMappingConfiguration {
  return {
    UUID: mapping.uuid,
    BatchSize: mapping.batchSize,
    MaximumBatchingWindowInSeconds: mapping.maximumBatchingWindowInSeconds,
    EventSourceArn: mapping.eventSourceArn,
    FunctionArn: mapping.functionArn,
    LastModified: mapping.lastModified,
    State: mapping.state,
    StateTransitionReason: 'USER_INITIATED',
    FunctionResponseTypes: [...mapping.functionResponseTypes],
    ...(mapping.maximumConcurrency !== undefined
      ? { ScalingConfig: { MaximumConcurrency: mapping.maximumConcurrency } }
      : {}),
    EventSourceMappingArn: eventSourceMappingArn(location, mapping.uuid),
  } satisfies EventSourceMappingConfiguration;
}
