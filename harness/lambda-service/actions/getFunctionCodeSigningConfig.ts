import type { GetFunctionCodeSigningConfigResponse } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireFunction } from './requireFunction.ts';
import { FunctionNameParam } from './commonSchemas.ts';

const GetFunctionCodeSigningConfigInput = z.object({ FunctionName: FunctionNameParam });

/**
 * GetFunctionCodeSigningConfig: code signing is not emulated, so no function
 * has a config; Lambda then answers 200 with the function's name and no
 * CodeSigningConfigArn (API_GetFunctionCodeSigningConfig; the Terraform
 * provider reads it on every refresh in the commercial partition).
 */
export async function getFunctionCodeSigningConfig(
  input: unknown,
  ctx: ActionContext<'location' | 'functions'>,
): Promise<GetFunctionCodeSigningConfigResponse> {
  const request = parseInput(GetFunctionCodeSigningConfigInput, input);
  const { fn } = requireFunction(ctx, request.FunctionName);
  return { CodeSigningConfigArn: undefined, FunctionName: fn.name } satisfies GetFunctionCodeSigningConfigResponse;
}
