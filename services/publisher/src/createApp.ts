import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import { apiKey } from './middleware/apiKey.ts';
import { correlationId } from './middleware/correlationId.ts';
import { errorBoundary } from './middleware/errorBoundary.ts';
import { requestLogger } from './middleware/requestLogger.ts';
import { DOCS_PATH, docsRoute, OPENAPI_PATH } from './routes/docs.ts';
import { HEALTH_PATH, healthRoute } from './routes/health.ts';
import { ordersRoute } from './routes/orders.ts';
import type { PublisherDeps, PublisherState } from './types.ts';

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
export const DEFAULT_PUBLISH_TIMEOUT_MS = 3000;

/** Health and documentation never need an API key. */
export function isOpenPath(path: string): boolean {
  return path === HEALTH_PATH || path === OPENAPI_PATH || path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`);
}

/** The publisher's Koa app, wired but not listening: `http.createServer(app.callback())`. */
export function createApp(deps: PublisherDeps): Koa<PublisherState> {
  const newId = deps.newId ?? randomUUID;
  const app = new Koa<PublisherState>();
  // Only failures after the response started (e.g. a broken asset stream) get past the boundary.
  app.on('error', (error: unknown) => deps.logger.error({ err: error }, 'response failed'));

  app.use(errorBoundary({ logger: deps.logger }));
  app.use(correlationId({ logger: deps.logger, newId }));
  app.use(requestLogger());
  app.use(apiKey({ keys: deps.apiKeys ?? [], isOpenPath }));

  const bodyLimitBytes = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const routers = [
    healthRoute(),
    docsRoute({ bodyLimitBytes }),
    ordersRoute({
      sns: deps.sns,
      topicArn: deps.topicArn,
      publishTimeoutMs: deps.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS,
      bodyLimitBytes,
      newId,
      now: deps.now ?? (() => new Date()),
    }),
  ];
  for (const router of routers) app.use(router.routes()).use(router.allowedMethods());
  return app;
}
