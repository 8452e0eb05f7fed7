import type { ListEventSourceMappingsResponse } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { resolveFunctionName } from '../arns.ts';
import { toMappingConfiguration } from '../mappings/toMappingConfiguration.ts';
import { constraint, parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { FunctionNameParam } from './commonSchemas.ts';
import { paginate } from './paginate.ts';

const ListEventSourceMappingsInput = z.object({
  FunctionName: FunctionNameParam.optional(),
  EventSourceArn: z.string().optional(),
  Marker: z.string().optional(),
  MaxItems: z.coerce.number().int().min(1, constraint.min(1)).max(10000, constraint.max(10000)).optional(),
});

/** ListEventSourceMappings, filtered by FunctionName (name or ARN) and/or EventSourceArn. */
export async function listEventSourceMappings(input: unknown, ctx: ActionContext<'location' | 'mappings'>): Promise<ListEventSourceMappingsResponse> {
  const request = parseInput(ListEventSourceMappingsInput, input);
  const functionName =
    request.FunctionName === undefined ? undefined : resolveFunctionName(ctx.location, request.FunctionName);
  const mappings = ctx.mappings.list({ functionName, eventSourceArn: request.EventSourceArn });
  const { page, nextMarker } = paginate(mappings, request.Marker, request.MaxItems ?? 100);
  return {
    EventSourceMappings: page.map((mapping) => toMappingConfiguration(ctx.location, mapping)),
    ...(nextMarker ? { NextMarker: nextMarker } : {}),
  } satisfies ListEventSourceMappingsResponse;
}
