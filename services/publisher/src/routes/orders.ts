import Router from '@koa/router';
import { buildOrderPlaced, OrderPlacedSchema, OrderRequestSchema, type OrderPlaced } from '../../../../contracts/index.ts';
import { InvalidBodyError } from '../errors.ts';
import { toFieldErrors } from '../fieldErrors.ts';
import { jsonBody } from '../middleware/jsonBody.ts';
import { publishOrder } from '../publishOrder.ts';
import type { OrderAccepted } from '../responses.ts';
import type { PublisherState, SnsPublisher } from '../types.ts';

export interface OrdersRouteOptions {
  sns: SnsPublisher;
  topicArn: string;
  publishTimeoutMs: number;
  bodyLimitBytes: number;
  newId: () => string;
  now: () => Date;
}

/** `POST /orders`: validate, turn into an OrderPlaced event, publish, answer 202 only once SNS confirmed. */
export function ordersRoute(options: OrdersRouteOptions): Router<PublisherState> {
  const router = new Router<PublisherState>();
  router.post('/orders', jsonBody({ limitBytes: options.bodyLimitBytes }), async function placeOrder(ctx) {
    const request = OrderRequestSchema.safeParse(ctx.request.body);
    if (!request.success) throw new InvalidBodyError(toFieldErrors(request.error.issues));
    const event = checkedEvent(buildOrderPlaced(request.data, { now: options.now(), newId: options.newId }));
    const { correlationId, logger } = ctx.state;
    await publishOrder({ sns: options.sns, topicArn: options.topicArn, event, correlationId, timeoutMs: options.publishTimeoutMs, logger });
    ctx.status = 202;
    ctx.body = { orderId: event.orderId, eventId: event.eventId, correlationId, status: 'accepted' } satisfies OrderAccepted;
  });
  return router;
}

/**
 * The event as every consumer parses it (the same schema): an order whose event they would reject, such
 * as a total past Number.MAX_SAFE_INTEGER, is refused here rather than accepted and dead-lettered by all.
 */
function checkedEvent(event: OrderPlaced): OrderPlaced {
  const checked = OrderPlacedSchema.safeParse(event);
  if (checked.success) return event;
  // One message per field: zod reports a too-large integer twice (as an int and as a number).
  const firstPerField = checked.error.issues.filter((issue, index, all) => all.findIndex((other) => other.path.join('.') === issue.path.join('.')) === index);
  throw new InvalidBodyError(toFieldErrors(firstPerField).map((error) => ({
    field: error.field,
    message: `${error.message}, in the OrderPlaced event this order makes (the sum of quantity x unitPrice for the total)`,
  })));
}
