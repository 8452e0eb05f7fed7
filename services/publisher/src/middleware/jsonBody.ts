import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import { MalformedJsonError, PayloadTooLargeError, ProblemError, UnsupportedMediaTypeError } from '../errors.ts';
import type { PublisherState } from '../types.ts';

export interface JsonBodyOptions {
  limitBytes: number;
}

/**
 * Accepts only `application/json` (UTF-8) bodies of at most `limitBytes`: a declared Content-Length
 * over the limit is refused before reading, a chunked body once the bytes read pass it.
 * The parsed value lands on `ctx.request.body`, unvalidated.
 */
export function jsonBody(options: JsonBodyOptions): Middleware<PublisherState> {
  const parse = bodyParser({ enableTypes: ['json'], jsonStrict: true, jsonLimit: options.limitBytes, encoding: 'utf-8' });
  const parsed = async (): Promise<void> => {};
  return async function jsonBody(ctx, next) {
    const mediaType = (ctx.get('content-type').split(';')[0] ?? '').trim().toLowerCase();
    if (mediaType !== 'application/json') {
      throw new UnsupportedMediaTypeError(
        mediaType === '' ? 'The request has no Content-Type; send application/json.' : `${mediaType} is not supported; send application/json.`,
      );
    }
    const charset = ctx.request.charset.toLowerCase();
    if (charset !== '' && charset !== 'utf-8' && charset !== 'utf8') {
      throw new UnsupportedMediaTypeError(`JSON must be UTF-8, not ${charset}.`);
    }
    const declared = ctx.request.length;
    if (declared !== undefined && declared > options.limitBytes) throw new PayloadTooLargeError(options.limitBytes);
    try {
      await parse(ctx, parsed);
    } catch (error) {
      throw translateBodyError(error, options.limitBytes);
    }
    await next();
  };
}

/** co-body / raw-body report failures as loosely typed errors; give them the publisher's types. */
function translateBodyError(error: unknown, limitBytes: number): unknown {
  if (error instanceof SyntaxError) return new MalformedJsonError(error.message, error);
  if (!(error instanceof Error)) return error;
  const { status, type } = error as Error & { status?: unknown; type?: unknown };
  if (status === 413) return new PayloadTooLargeError(limitBytes);
  if (type === 'encoding.unsupported' || status === 415) return new UnsupportedMediaTypeError(error.message);
  if (typeof status === 'number' && status >= 400 && status < 500) return new ProblemError({ status, detail: error.message, cause: error });
  return error;
}
