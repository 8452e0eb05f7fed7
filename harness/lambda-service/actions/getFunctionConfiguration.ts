import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { toFunctionConfiguration } from '../functions/toFunctionConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireFunction } from './requireFunction.ts';
import { NamespacedFunctionNameParam, QualifierParam } from './commonSchemas.ts';

const GetFunctionConfigurationInput = z.object({ FunctionName: NamespacedFunctionNameParam, Qualifier: QualifierParam.optional() });

/** GetFunctionConfiguration (`name:$LATEST` keeps the qualifier in FunctionArn, as GetFunction does). */
export async function getFunctionConfiguration(input: unknown, ctx: ActionContext<'location' | 'functions'>): Promise<FunctionConfiguration> {
  const request = parseInput(GetFunctionConfigurationInput, input);
  const { fn, qualified } = requireFunction(ctx, request.FunctionName, { qualifier: request.Qualifier });
  return { ...toFunctionConfiguration(fn, { qualified }) } satisfies FunctionConfiguration;
}
