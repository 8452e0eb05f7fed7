import type { GetFunctionConcurrencyResponse } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireFunction } from './requireFunction.ts';
import { FunctionNameParam } from './commonSchemas.ts';

const GetFunctionConcurrencyInput = z.object({ FunctionName: FunctionNameParam });

/** GetFunctionConcurrency: the reserved concurrency, absent when none is set. */
export async function getFunctionConcurrency(input: unknown, ctx: ActionContext<'location' | 'functions'>): Promise<GetFunctionConcurrencyResponse> {
  const request = parseInput(GetFunctionConcurrencyInput, input);
  const { fn } = requireFunction(ctx, request.FunctionName);
  return {
    ...(fn.reservedConcurrency !== undefined ? { ReservedConcurrentExecutions: fn.reservedConcurrency } : {}),
  } satisfies GetFunctionConcurrencyResponse;
}
