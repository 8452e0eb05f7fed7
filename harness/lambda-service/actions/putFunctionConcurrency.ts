import type { Concurrency } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { InvalidParameterValueException } from '../errors.ts';
import { constraint, parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireFunction } from './requireFunction.ts';
import { FunctionNameParam } from './commonSchemas.ts';

/** The account's concurrency (1000) minus the 100 Lambda keeps unreserved. */
const RESERVABLE = 900;

const PutFunctionConcurrencyInput = z.object({
  FunctionName: FunctionNameParam,
  ReservedConcurrentExecutions: z.int().min(0, constraint.min(0)),
});

/** PutFunctionConcurrency: caps the function's environments (0 throttles every invocation). */
export async function putFunctionConcurrency(input: unknown, ctx: ActionContext<'location' | 'functions'>): Promise<Concurrency> {
  const request = parseInput(PutFunctionConcurrencyInput, input);
  const { name, fn } = requireFunction(ctx, request.FunctionName);
  const reserved = request.ReservedConcurrentExecutions;
  if (ctx.functions.reservedConcurrencyTotal(name) + reserved > RESERVABLE) {
    throw new InvalidParameterValueException(
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    );
  }
  // Its environments follow (the invoker subscribes to the store).
  ctx.functions.put({ ...fn, reservedConcurrency: reserved });
  return { ReservedConcurrentExecutions: reserved } satisfies Concurrency;
}
