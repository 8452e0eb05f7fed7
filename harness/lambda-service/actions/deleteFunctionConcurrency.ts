import { z } from 'zod';
import { functionArn, resolveFunctionName } from '../arns.ts';
import { ResourceNotFoundException } from '../errors.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { FunctionNameParam } from './commonSchemas.ts';

const DeleteFunctionConcurrencyInput = z.object({ FunctionName: FunctionNameParam });

/** DeleteFunctionConcurrency: back to the default cap; answers 204 without a body. */
export async function deleteFunctionConcurrency(input: unknown, ctx: ActionContext): Promise<void> {
  const request = parseInput(DeleteFunctionConcurrencyInput, input);
  const name = resolveFunctionName(ctx.location, request.FunctionName);
  const fn = ctx.functions.get(name);
  if (!fn) {
    throw ResourceNotFoundException.forFunction(functionArn(ctx.location, name));
  }
  const { reservedConcurrency: _removed, ...rest } = fn;
  ctx.functions.put(rest);
  ctx.invoker.refresh(name);
}
