import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { functionArn, resolveFunctionName } from '../arns.ts';
import { ResourceNotFoundException } from '../errors.ts';
import { toFunctionConfiguration } from '../functions/toFunctionConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { FunctionNameParam } from './commonSchemas.ts';

const GetFunctionConfigurationInput = z.object({ FunctionName: FunctionNameParam, Qualifier: z.string().optional() });

/** GetFunctionConfiguration. */
export async function getFunctionConfiguration(input: unknown, ctx: ActionContext): Promise<FunctionConfiguration> {
  const request = parseInput(GetFunctionConfigurationInput, input);
  const name = resolveFunctionName(ctx.location, request.FunctionName, request.Qualifier);
  const fn = ctx.functions.get(name);
  if (!fn) {
    throw ResourceNotFoundException.forFunction(functionArn(ctx.location, name));
  }
  return { ...toFunctionConfiguration(fn) } satisfies FunctionConfiguration;
}
