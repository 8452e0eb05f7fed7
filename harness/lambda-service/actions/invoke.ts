import type { InvocationResponse } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { functionArn, parseFunctionReference } from '../arns.ts';
import { InvalidRequestContentException, RequestTooLargeException, ResourceNotFoundException } from '../errors.ts';
import { constraint, parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { NamespacedFunctionNameParam, QualifierParam } from './commonSchemas.ts';

/** Lambda's payload limits: 6 MB synchronous, 1 MB asynchronous. */
export const MAX_SYNC_PAYLOAD_BYTES = 6_291_456;
export const MAX_ASYNC_PAYLOAD_BYTES = 1_048_576;

const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun'] as const;
const LOG_TYPES = ['None', 'Tail'] as const;

const InvokeInput = z.object({
  FunctionName: NamespacedFunctionNameParam,
  InvocationType: z.enum(INVOCATION_TYPES, constraint.enumOf(INVOCATION_TYPES)).default('RequestResponse'),
  LogType: z.enum(LOG_TYPES, constraint.enumOf(LOG_TYPES)).default('None'),
  Qualifier: QualifierParam.optional(),
  Payload: z.instanceof(Buffer),
});

/**
 * Invoke: RequestResponse waits for the function (200, X-Amz-Function-Error
 * on a function error, X-Amz-Log-Result with Tail); Event queues it (202);
 * DryRun only checks the function exists (204).
 */
export async function invoke(input: unknown, ctx: ActionContext<'location' | 'functions' | 'invoker' | 'logBook' | 'requestId'>): Promise<InvocationResponse> {
  const request = parseInput(InvokeInput, input);
  const { name, qualifier } = parseFunctionReference(ctx.location, request.FunctionName, request.Qualifier);
  if (!ctx.functions.get(name)) {
    // Invoke names the version it looked for (LocalStack's AWS-recorded `test_function_name_and_qualifier_validation[*-invoke]`).
    throw ResourceNotFoundException.forFunction(`${functionArn(ctx.location, name)}:$LATEST`);
  }
  const payload = request.Payload.byteLength > 0 ? request.Payload : Buffer.from('{}');
  const limit = request.InvocationType === 'Event' ? MAX_ASYNC_PAYLOAD_BYTES : MAX_SYNC_PAYLOAD_BYTES;
  if (payload.byteLength > limit) {
    throw new RequestTooLargeException(
      `Request must be smaller than ${limit} bytes for the ${request.InvocationType === 'Event' ? 'InvokeAsync' : 'InvokeFunction'} operation`,
    );
  }
  try {
    JSON.parse(payload.toString('utf8'));
  } catch (error) {
    throw new InvalidRequestContentException(
      `Could not parse request body into json: Could not parse payload into json: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (request.InvocationType === 'DryRun') {
    return { StatusCode: 204 } satisfies InvocationResponse;
  }
  // The context's invokedFunctionArn is the ARN the caller used, `:$LATEST` included.
  const arn = functionArn(ctx.location, name);
  const invokedFunctionArn = qualifier ? `${arn}:${qualifier}` : arn;
  const invocation = { requestId: ctx.requestId, payload, tail: request.LogType === 'Tail', invokedFunctionArn };
  if (request.InvocationType === 'Event') {
    // A full queue is answered now (429), not accepted and dropped.
    ctx.invoker.checkEventCapacity(name, payload.byteLength);
    ctx.invoker.invoke(name, invocation, 'Event').catch((error: unknown) => {
      ctx.logBook.platform(name, `Asynchronous invocation ${ctx.requestId} was dropped: ${String(error)}`, ctx.requestId);
    });
    return { StatusCode: 202 } satisfies InvocationResponse;
  }
  const result = await ctx.invoker.invoke(name, invocation, 'RequestResponse');
  return {
    StatusCode: 200,
    ExecutedVersion: '$LATEST',
    Payload: result.payload,
    ...(result.functionError ? { FunctionError: result.functionError } : {}),
    ...(result.logResult !== undefined ? { LogResult: result.logResult } : {}),
  } satisfies InvocationResponse;
}
