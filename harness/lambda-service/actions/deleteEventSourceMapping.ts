import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { ResourceNotFoundException } from '../errors.ts';
import { MappingState } from '../mappings/EventSourceMappingStore.ts';
import { toMappingConfiguration } from '../mappings/toMappingConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';

const DeleteEventSourceMappingInput = z.object({ UUID: z.string() });

/** DeleteEventSourceMapping: answers Deleting; the mapping is gone at once and its poller stops. */
export async function deleteEventSourceMapping(input: unknown, ctx: ActionContext): Promise<EventSourceMappingConfiguration> {
  const request = parseInput(DeleteEventSourceMappingInput, input);
  const mapping = ctx.mappings.get(request.UUID);
  if (!mapping) {
    throw ResourceNotFoundException.forMapping();
  }
  ctx.mappings.delete(mapping.uuid);
  ctx.pollers.sync(mapping.uuid);
  return {
    ...toMappingConfiguration(ctx.location, { ...mapping, state: MappingState.Deleting, lastModified: new Date() }),
  } satisfies EventSourceMappingConfiguration;
}
