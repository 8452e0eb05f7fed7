import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { CurrencySchema, MinorUnitsSchema } from './money.ts';
import { CustomerSchema, OrderItemSchema, type OrderRequest } from './orderRequest.ts';

export const ORDER_PLACED = 'OrderPlaced';
export const ORDER_PLACED_SCHEMA_VERSION = 1;

/** The event published to the order-events topic; Lambdas parse it with this same schema. */
export const OrderPlacedSchema = z
  .strictObject({
    eventId: z.uuid(),
    eventType: z.literal(ORDER_PLACED),
    schemaVersion: z.literal(ORDER_PLACED_SCHEMA_VERSION),
    occurredAt: z.iso.datetime(),
    orderId: z.uuid(),
    customer: CustomerSchema,
    currency: CurrencySchema,
    items: z.array(OrderItemSchema).min(1),
    total: MinorUnitsSchema,
  })
  .refine((event) => event.total === orderTotal(event.items), { message: 'total is not the sum of the items', path: ['total'] })
  .meta({ id: 'OrderPlaced' });

export type OrderPlaced = z.infer<typeof OrderPlacedSchema>;

/** Sum of quantity x unit price, in minor units. */
export function orderTotal(items: OrderRequest['items']): number {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}

export interface BuildOrderPlacedOptions {
  now?: Date;
  newId?: () => string;
}

/** Turns a validated order request into the event, with fresh order and event ids. */
export function buildOrderPlaced(order: OrderRequest, options: BuildOrderPlacedOptions = {}): OrderPlaced {
  const newId = options.newId ?? randomUUID;
  return {
    eventId: newId(),
    eventType: ORDER_PLACED,
    schemaVersion: ORDER_PLACED_SCHEMA_VERSION,
    occurredAt: (options.now ?? new Date()).toISOString(),
    orderId: newId(),
    customer: order.customer,
    currency: order.currency,
    items: order.items,
    total: orderTotal(order.items),
  };
}

/** The ids an OrderPlaced message names, read without validating it. */
export interface OrderPlacedIds {
  orderId: string | null;
  eventId: string | null;
}

/**
 * Best effort, so that a copy rejected or dead-lettered for breaking the schema can still be matched to
 * its order: each id that is a non-empty string, else null.
 */
export function orderPlacedIds(message: unknown): OrderPlacedIds {
  return { orderId: readId(message, 'orderId'), eventId: readId(message, 'eventId') };
}

function readId(message: unknown, key: keyof OrderPlacedIds): string | null {
  if (typeof message !== 'object' || message === null) return null;
  const value: unknown = Reflect.get(message, key);
  return typeof value === 'string' && value.length > 0 ? value : null;
}
