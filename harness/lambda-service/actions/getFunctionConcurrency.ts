import type { GetFunctionConcurrencyResponse } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { functionArn, resolveFunctionName } from '../arns.ts';
import { ResourceNotFoundException } from '../errors.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { FunctionNameParam } from './commonSchemas.ts';

const GetFunctionConcurrencyInput = z.object({ FunctionName: FunctionNameParam });

/** GetFunctionConcurrency: the reserved concurrency, absent when none is set. */
export async function getFunctionConcurrency(input: unknown, ctx: ActionContext): Promise<GetFunctionConcurrencyResponse> {
  const request = parseInput(GetFunctionConcurrencyInput, input);
  const name = resolveFunctionName(ctx.location, request.FunctionName);
  const fn = ctx.functions.get(name);
  if (!fn) {
    throw ResourceNotFoundException.forFunction(functionArn(ctx.location, name));
  }
  return {
    ...(fn.reservedConcurrency !== undefined ? { ReservedConcurrentExecutions: fn.reservedConcurrency } : {}),
  } satisfies GetFunctionConcurrencyResponse;
}
