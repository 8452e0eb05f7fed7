import type { InvocationResponse } from '@aws-sdk/client-lambda';
import { AwsError, ServiceException } from '../errors.ts';

/** An HTTP answer before the request id and length are added. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Renders an action's output as a route answers it. */
export type Render<Output> = (output: Output) => Reply;

/** The JSON answer of most operations; Lambda's JSON protocol writes timestamps as epoch seconds. */
export function jsonReply(status: number): Render<unknown> {
  return (output) => {
    const text = JSON.stringify(output ?? {}, function replacer(this: Record<string, unknown>, key: string, item: unknown) {
      const original = this[key];
      return original instanceof Date ? original.getTime() / 1000 : item;
    });
    return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(text) };
  };
}

/** 204 without a body (DeleteFunction, TagResource, ...), whatever the action returned. */
export function emptyReply(): Reply {
  return { status: 204, headers: {}, body: Buffer.alloc(0) };
}

/** Invoke's answer: the function's payload as the body, the rest in X-Amz-* headers. */
export function invocationReply(output: InvocationResponse): Reply {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (output.FunctionError) {
    headers['x-amz-function-error'] = output.FunctionError;
  }
  if (output.LogResult !== undefined) {
    headers['x-amz-log-result'] = output.LogResult;
  }
  if (output.ExecutedVersion) {
    headers['x-amz-executed-version'] = output.ExecutedVersion;
  }
  const payload = output.Payload ?? new Uint8Array();
  return { status: output.StatusCode ?? 200, headers, body: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength) };
}

/** Any failure in Lambda's wire format: `x-amzn-ErrorType` and the error's body (an unknown one is a ServiceException). */
export function errorReply(error: unknown): Reply {
  const awsError = error instanceof AwsError ? error : new ServiceException(`An internal error occurred: ${String(error)}`);
  const reply = jsonReply(awsError.statusCode)(awsError.toBody());
  reply.headers['x-amzn-errortype'] = awsError.code;
  Object.assign(reply.headers, awsError.extraHeaders);
  return reply;
}
