import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { toMappingConfiguration } from '../mappings/toMappingConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireMapping } from './requireMapping.ts';

const DeleteEventSourceMappingInput = z.object({ UUID: z.string() });

/**
 * DeleteEventSourceMapping: answers Deleting; the poller stops at once, and
 * the mapping stays visible (Get, List) as Deleting a while before it is
 * gone. One already Deleting is not found for another delete.
 */
export async function deleteEventSourceMapping(input: unknown, ctx: ActionContext<'location' | 'mappings'>): Promise<EventSourceMappingConfiguration> {
  const request = parseInput(DeleteEventSourceMappingInput, input);
  const mapping = requireMapping(ctx, request.UUID);
  // The poller registry makes it Deleting, stops its poller and removes it later (it subscribes to the store).
  const deleting = ctx.mappings.delete(mapping.uuid) ?? mapping;
  return { ...toMappingConfiguration(ctx.location, deleting) } satisfies EventSourceMappingConfiguration;
}
