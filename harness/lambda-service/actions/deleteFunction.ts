import type { DeleteFunctionResponse } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireFunction } from './requireFunction.ts';
import { NamespacedFunctionNameParam, QualifierParam } from './commonSchemas.ts';

const DeleteFunctionInput = z.object({ FunctionName: NamespacedFunctionNameParam, Qualifier: QualifierParam.optional() });

/**
 * DeleteFunction: kills its environments, fails its queued invocations,
 * and (unlike Lambda, which leaves them orphaned) deletes its event source
 * mappings so no poller keeps receiving for a function that is gone.
 */
export async function deleteFunction(input: unknown, ctx: ActionContext<'location' | 'functions' | 'code'>): Promise<DeleteFunctionResponse> {
  const request = parseInput(DeleteFunctionInput, input);
  const { name } = requireFunction(ctx, request.FunctionName, { qualifier: request.Qualifier });
  // Its mappings and environments go with it (the store's subscribers, startLambdaService.ts).
  ctx.functions.delete(name);
  await ctx.code.remove(name);
  return { StatusCode: 204 } satisfies DeleteFunctionResponse;
}
