import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { ResourceNotFoundException } from '../errors.ts';
import { MappingState } from '../mappings/EventSourceMappingStore.ts';
import { toMappingConfiguration } from '../mappings/toMappingConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';

const DeleteEventSourceMappingInput = z.object({ UUID: z.string() });

/**
 * DeleteEventSourceMapping: answers Deleting; the poller stops at once, and
 * the mapping stays visible (Get, List) as Deleting a while before it is
 * gone. One already Deleting is not found for another delete.
 */
export async function deleteEventSourceMapping(input: unknown, ctx: ActionContext): Promise<EventSourceMappingConfiguration> {
  const request = parseInput(DeleteEventSourceMappingInput, input);
  const mapping = ctx.mappings.get(request.UUID);
  if (!mapping || mapping.state === MappingState.Deleting) {
    throw ResourceNotFoundException.forMapping();
  }
  const deleting = ctx.mappings.patch(mapping.uuid, { state: MappingState.Deleting, lastModified: new Date() }) ?? mapping;
  ctx.pollers.delete(mapping.uuid);
  return { ...toMappingConfiguration(ctx.location, deleting) } satisfies EventSourceMappingConfiguration;
}
