import { createHash } from 'node:crypto';
import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import {
  API_KEY_HEADER,
  buildOrderPlaced,
  ORDER_ACCEPTED,
  OrderPlacedSchema,
  OrderRequestSchema,
  type OrderAccepted,
  type OrderPlaced,
  type OrderRequest,
} from '../../../../contracts/index.ts';
import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError, InvalidBodyError } from '../errors.ts';
import { toFieldErrors } from '../fieldErrors.ts';
import { IDEMPOTENCY_KEY_HEADER, readIdempotencyKey } from '../idempotency/idempotencyKey.ts';
import type { IdempotencyStore, IdempotentOrder } from '../idempotency/IdempotencyStore.ts';
import { CORRELATION_ID_RESPONSE_HEADER } from '../middleware/correlationId.ts';
import { jsonBody } from '../middleware/jsonBody.ts';
import { publishOrder } from '../publishOrder.ts';
import type { PublishBatcher } from '../PublishBatcher.ts';
import type { PublisherState } from '../types.ts';

export interface OrdersRouteOptions {
  batcher: PublishBatcher;
  publishTimeoutMs: number;
  bodyLimitBytes: number;
  newId: () => string;
  now: () => Date;
  idempotency: IdempotencyStore;
}

type Context = ParameterizedContext<PublisherState>;

/**
 * `POST /orders`: validate, turn into an OrderPlaced event, publish, answer 202 only once SNS confirmed.
 * With an `Idempotency-Key`, every request with that key stands for one order: the same orderId, eventId
 * and event, published until SNS confirms it once, then answered from memory.
 */
export function ordersRoute(options: OrdersRouteOptions): Router<PublisherState> {
  const router = new Router<PublisherState>();
  router.post('/orders', jsonBody({ limitBytes: options.bodyLimitBytes }), async function placeOrder(ctx) {
    const key = readIdempotencyKey(ctx.get(IDEMPOTENCY_KEY_HEADER));
    const request = OrderRequestSchema.safeParse(ctx.request.body);
    if (!request.success) throw new InvalidBodyError(toFieldErrors(request.error.issues));
    const event = checkedEvent(buildOrderPlaced(request.data, { now: options.now(), newId: options.newId }));
    const { correlationId } = ctx.state;
    if (key === undefined) {
      await publish(ctx, options, event, correlationId, false);
      accepted(ctx, { ...event, correlationId });
      return;
    }
    // Keys are per client: one API key's requests never meet another's.
    const scopedKey = `${digest(ctx.get(API_KEY_HEADER))}:${key}`;
    const claim = options.idempotency.claim(scopedKey, digest(canonicalJson(request.data)), () => ({
      orderId: event.orderId,
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      correlationId,
    }));
    if (claim.kind === 'in-flight') throw new IdempotencyKeyInFlightError();
    if (claim.kind === 'mismatch') throw new IdempotencyKeyReusedError();
    if (claim.kind === 'accepted') {
      ctx.state.logger.info({ orderId: claim.order.orderId, eventId: claim.order.eventId }, 'order already accepted for this Idempotency-Key');
      accepted(ctx, claim.order);
      return;
    }
    const { order } = claim;
    let published = false;
    try {
      await publish(ctx, options, { ...event, orderId: order.orderId, eventId: order.eventId, occurredAt: order.occurredAt }, order.correlationId, true);
      published = true;
    } finally {
      options.idempotency.settle(scopedKey, published);
    }
    accepted(ctx, order);
  });
  return router;
}

function publish(ctx: Context, options: OrdersRouteOptions, event: OrderPlaced, correlationId: string, idempotent: boolean): Promise<unknown> {
  const { logger } = ctx.state;
  return publishOrder({ batcher: options.batcher, event, correlationId, timeoutMs: options.publishTimeoutMs, logger, idempotent });
}

/** 202; for a key's order, the answer its first request got (its correlation id too). */
function accepted(ctx: Context, order: Pick<IdempotentOrder, 'orderId' | 'eventId' | 'correlationId'>): void {
  ctx.set(CORRELATION_ID_RESPONSE_HEADER, order.correlationId);
  ctx.status = 202;
  ctx.body = { orderId: order.orderId, eventId: order.eventId, correlationId: order.correlationId, status: ORDER_ACCEPTED } satisfies OrderAccepted;
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

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** The order as JSON with its keys sorted: the same order in another key order or spacing is the same order. */
function canonicalJson(order: OrderRequest): string {
  return JSON.stringify(order, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
