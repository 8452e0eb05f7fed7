import type { ListFunctionsResponse } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { toFunctionConfiguration } from '../functions/toFunctionConfiguration.ts';
import { constraint, parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { paginate } from './paginate.ts';

const ListFunctionsInput = z.object({
  Marker: z.string().optional(),
  MaxItems: z.coerce.number().int().min(1, constraint.min(1)).max(10000, constraint.max(10000)).optional(),
});

/** ListFunctions: by name, paged with Marker / MaxItems (default 50). */
export async function listFunctions(input: unknown, ctx: ActionContext): Promise<ListFunctionsResponse> {
  const request = parseInput(ListFunctionsInput, input);
  const { page, nextMarker } = paginate(ctx.functions.list(), request.Marker, request.MaxItems ?? 50);
  return {
    Functions: page.map((fn) => toFunctionConfiguration(fn)),
    ...(nextMarker ? { NextMarker: nextMarker } : {}),
  } satisfies ListFunctionsResponse;
}
