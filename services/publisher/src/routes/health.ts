import Router from '@koa/router';
import type { PublisherState } from '../types.ts';

export const HEALTH_PATH = '/health';

/** `GET /health`: the process is up and serving (it does not probe SNS). */
export function healthRoute(): Router<PublisherState> {
  const router = new Router<PublisherState>();
  router.get(HEALTH_PATH, async function health(ctx) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  });
  return router;
}
