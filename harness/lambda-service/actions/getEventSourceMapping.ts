import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { ResourceNotFoundException } from '../errors.ts';
import { toMappingConfiguration } from '../mappings/toMappingConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';

const GetEventSourceMappingInput = z.object({ UUID: z.string() });

/** GetEventSourceMapping. */
export async function getEventSourceMapping(input: unknown, ctx: ActionContext): Promise<EventSourceMappingConfiguration> {
  const request = parseInput(GetEventSourceMappingInput, input);
  const mapping = ctx.mappings.get(request.UUID);
  if (!mapping) {
    throw ResourceNotFoundException.forMapping();
  }
  return { ...toMappingConfiguration(ctx.location, mapping) } satisfies EventSourceMappingConfiguration;
}
