import type { DeleteFunctionResponse } from '@aws-sdk/client-lambda';
import { z } from 'zod';
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
export async function deleteFunction(input: unknown, ctx: ActionContext): Promise<DeleteFunctionResponse> {
  const request = parseInput(DeleteFunctionInput, input);
  const { name, fn } = requireFunction(ctx, request.FunctionName, { qualifier: request.Qualifier });
  ctx.functions.delete(name);
  for (const mapping of ctx.mappings.list({ functionName: name })) {
    ctx.mappings.delete(mapping.uuid);
    ctx.pollers.sync(mapping.uuid);
  }
  ctx.invoker.remove(name, fn.arn);
  await ctx.code.remove(name);
  return { StatusCode: 204 } satisfies DeleteFunctionResponse;
}
