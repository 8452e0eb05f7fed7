import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { toMappingConfiguration } from '../mappings/toMappingConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireMapping } from './requireMapping.ts';

const GetEventSourceMappingInput = z.object({ UUID: z.string() });

/** GetEventSourceMapping (one being deleted answers Deleting). */
export async function getEventSourceMapping(input: unknown, ctx: ActionContext<'location' | 'mappings'>): Promise<EventSourceMappingConfiguration> {
  const request = parseInput(GetEventSourceMappingInput, input);
  const mapping = requireMapping(ctx, request.UUID, { visibleWhileDeleting: true });
  return { ...toMappingConfiguration(ctx.location, mapping) } satisfies EventSourceMappingConfiguration;
}
