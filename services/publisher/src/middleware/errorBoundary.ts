import type { Middleware, ParameterizedContext } from 'koa';
import type { Logger } from 'pino';
import { InternalServerError, MethodNotAllowedError, NotFoundError, ProblemError } from '../errors.ts';
import { PROBLEM_CONTENT_TYPE } from '../problem.ts';
import type { PublisherState } from '../types.ts';
import { CORRELATION_ID_RESPONSE_HEADER } from './correlationId.ts';

type Context = ParameterizedContext<PublisherState>;

export interface ErrorBoundaryOptions {
  /** Used when the failure happened before the request got its own child logger. */
  logger: Logger;
}

/**
 * The outermost middleware: turns every failure into RFC 9457 problem+json. Client errors show
 * their detail; anything unexpected is logged with its stack and answered with a generic 500.
 */
export function errorBoundary(options: ErrorBoundaryOptions): Middleware<PublisherState> {
  return async function errorBoundary(ctx, next) {
    try {
      await next();
      // Nothing answered (unknown route) or the router answered 405/501 without a body.
      if (ctx.status >= 400 && ctx.body == null) render(ctx, problemForBareStatus(ctx), { keepHeaders: true });
    } catch (error) {
      const logger = ctx.state.logger ?? options.logger;
      const problem = toProblemError(error);
      // Client errors are logged by the request line; expected 5xx (publish failures) where they happen.
      if (problem instanceof InternalServerError) logger.error({ err: error }, 'unhandled error');
      if (ctx.headerSent || !ctx.writable) {
        logger.warn({ status: problem.status }, 'response already started or client gone; problem not rendered');
        return;
      }
      render(ctx, problem, { keepHeaders: false });
    }
  };
}

function problemForBareStatus(ctx: Context): ProblemError {
  if (ctx.status === 404) return new NotFoundError(ctx.path);
  if (ctx.status === 405) return new MethodNotAllowedError(ctx.method, ctx.path, ctx.response.get('Allow'));
  return new ProblemError({ status: ctx.status, detail: `${ctx.method} ${ctx.path} failed.` });
}

/** Client errors from libraries (http-errors with `expose`) keep their status; anything else is a 500. */
function toProblemError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (isExposedHttpError(error)) return new ProblemError({ status: error.status, detail: error.message, cause: error });
  return new InternalServerError(error);
}

function isExposedHttpError(error: unknown): error is Error & { status: number } {
  if (!(error instanceof Error)) return false;
  const { status, expose } = error as Error & { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}

function render(ctx: Context, problem: ProblemError, options: { keepHeaders: boolean }): void {
  const correlationId = ctx.state.correlationId ?? '';
  if (!options.keepHeaders) {
    // Headers set on the way in (Location, caching, ...) belong to the response that failed.
    for (const name of ctx.res.getHeaderNames()) ctx.res.removeHeader(name);
    if (correlationId !== '') ctx.set(CORRELATION_ID_RESPONSE_HEADER, correlationId);
  }
  ctx.set({ ...problem.headers });
  ctx.status = problem.status;
  ctx.type = PROBLEM_CONTENT_TYPE;
  ctx.body = problem.toProblem({ instance: ctx.path, correlationId });
}
