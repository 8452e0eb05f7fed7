import type { ListFunctionsResponse } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { toFunctionConfiguration } from '../functions/toFunctionConfiguration.ts';
import { constraint, parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { paginate } from './paginate.ts';

const ListFunctionsInput = z.object({
  FunctionVersion: z.enum(['ALL'], constraint.enumOf(['ALL'])).optional(),
  MasterRegion: z.string().optional(),
  Marker: z.string().optional(),
  MaxItems: z.coerce.number().int().min(1, constraint.min(1)).max(10000, constraint.max(10000)).optional(),
});

/**
 * ListFunctions: by name, paged with Marker / MaxItems (default 50). Entries
 * carry no State nor LastUpdateStatus; `FunctionVersion: ALL` lists every
 * version (here only `$LATEST`, with its qualified ARN); another value is a
 * ValidationException (LocalStack's AWS-recorded `TestLambdaFunction::test_list_functions`).
 */
export async function listFunctions(input: unknown, ctx: ActionContext<'functions'>): Promise<ListFunctionsResponse> {
  const request = parseInput(ListFunctionsInput, input);
  const { page, nextMarker } = paginate(ctx.functions.list(), request.Marker, request.MaxItems ?? 50);
  return {
    Functions: page.map((fn) => toFunctionConfiguration(fn, { listed: true, qualified: request.FunctionVersion === 'ALL' })),
    ...(nextMarker ? { NextMarker: nextMarker } : {}),
  } satisfies ListFunctionsResponse;
}
