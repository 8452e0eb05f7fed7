import { performance } from 'node:perf_hooks';
import type { Middleware } from 'koa';
import type { PublisherState } from '../types.ts';

/**
 * One log line per request, written when the response is done, so it carries the final status
 * even when the error boundary (which runs outside this middleware) rendered it.
 */
export function requestLogger(): Middleware<PublisherState> {
  return async function requestLogger(ctx, next) {
    const started = performance.now();
    const { method, path } = ctx;
    ctx.res.once('close', () => {
      const status = ctx.res.statusCode;
      const fields = {
        method,
        path,
        status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        ...(ctx.res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) ctx.state.logger.warn(fields, 'request completed');
      else ctx.state.logger.info(fields, 'request completed');
    });
    await next();
  };
}
