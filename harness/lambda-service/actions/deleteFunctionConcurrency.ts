import * as z from 'zod';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireFunction } from './requireFunction.ts';
import { FunctionNameParam } from './commonSchemas.ts';

const DeleteFunctionConcurrencyInput = z.object({ FunctionName: FunctionNameParam });

/** DeleteFunctionConcurrency: back to the default cap; answers 204 without a body. */
export async function deleteFunctionConcurrency(input: unknown, ctx: ActionContext<'location' | 'functions'>): Promise<void> {
  const request = parseInput(DeleteFunctionConcurrencyInput, input);
  const { fn } = requireFunction(ctx, request.FunctionName);
  const { reservedConcurrency: _removed, ...rest } = fn;
  ctx.functions.put(rest);
}
