import { functionArn, parseFunctionReference } from '../arns.ts';
import { PreconditionFailedException, ResourceNotFoundException } from '../errors.ts';
import type { FunctionRecord } from '../functions/FunctionStore.ts';
import type { ActionContext } from './ActionContext.ts';

export interface FoundFunction {
  name: string;
  fn: FunctionRecord;
  /** The function was named with `:$LATEST` (in the name or the Qualifier). */
  qualified: boolean;
}

/**
 * The function an action names (by name, partial ARN or ARN), or Lambda's ResourceNotFoundException.
 * With `revisionId`, also Lambda's optimistic lock: a stale revision is a PreconditionFailedException.
 */
export function requireFunction(ctx: ActionContext<'location' | 'functions'>, functionName: string, options: { qualifier?: string; revisionId?: string } = {}): FoundFunction {
  const { name, qualifier } = parseFunctionReference(ctx.location, functionName, options.qualifier);
  const fn = ctx.functions.get(name);
  if (!fn) {
    throw ResourceNotFoundException.forFunction(functionArn(ctx.location, name));
  }
  if (options.revisionId !== undefined && options.revisionId !== fn.revisionId) {
    throw new PreconditionFailedException();
  }
  return { name, fn, qualified: qualifier !== undefined };
}
