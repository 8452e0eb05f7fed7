import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import { IdempotencyStore } from './idempotency/IdempotencyStore.ts';
import { apiKey } from './middleware/apiKey.ts';
import { correlationId } from './middleware/correlationId.ts';
import { errorBoundary } from './middleware/errorBoundary.ts';
import { requestLogger } from './middleware/requestLogger.ts';
import { DOCS_PATH, docsRoute, OPENAPI_PATH } from './routes/docs.ts';
import { HEALTH_PATH, healthRoute } from './routes/health.ts';
import { DEFAULT_PUBLISH_BATCHING, PublishBatcher } from './PublishBatcher.ts';
import { ordersRoute } from './routes/orders.ts';
import type { PublisherDeps, PublisherState } from './types.ts';

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
export const DEFAULT_PUBLISH_TIMEOUT_MS = 3000;
/** An Idempotency-Key stands for its order for a day, as Stripe's do; at most 100,000 keys (a few MB) are kept. */
export const DEFAULT_IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_IDEMPOTENCY_MAX_KEYS = 100_000;

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
  const now = deps.now ?? (() => new Date());
  const idempotency = new IdempotencyStore({
    windowMs: deps.idempotencyWindowMs ?? DEFAULT_IDEMPOTENCY_WINDOW_MS,
    maxKeys: deps.idempotencyMaxKeys ?? DEFAULT_IDEMPOTENCY_MAX_KEYS,
    now: () => now().getTime(),
  });
  const routers = [
    healthRoute(),
    docsRoute({ bodyLimitBytes }),
    ordersRoute({
      batcher: new PublishBatcher({ sns: deps.sns, topicArn: deps.topicArn, ...DEFAULT_PUBLISH_BATCHING }),
      publishTimeoutMs: deps.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS,
      bodyLimitBytes,
      newId,
      now,
      idempotency,
    }),
  ];
  for (const router of routers) app.use(router.routes()).use(router.allowedMethods());
  return app;
}
