import * as z from 'zod';
import { CurrencySchema, MinorUnitsSchema } from './money.ts';

export const CustomerSchema = z
  .strictObject({
    id: z.string().trim().min(1).max(64).meta({ example: 'cus-1001' }),
    email: z.email().max(254).optional().meta({ example: 'ada@example.com' }),
  })
  .meta({ id: 'Customer' });

export const OrderItemSchema = z
  .strictObject({
    sku: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'an SKU of capital letters, digits and "-"').meta({ example: 'SKU-COFFEE-1KG' }),
    quantity: z.int().min(1).max(1000).meta({ example: 2 }),
    unitPrice: MinorUnitsSchema,
  })
  .meta({ id: 'OrderItem' });

/** The body of `POST /orders`. */
export const OrderRequestSchema = z
  .strictObject({
    customer: CustomerSchema,
    currency: CurrencySchema,
    items: z.array(OrderItemSchema).min(1).max(100),
  })
  .meta({ id: 'OrderRequest' });

export type Customer = z.infer<typeof CustomerSchema>;
export type OrderItem = z.infer<typeof OrderItemSchema>;
export type OrderRequest = z.infer<typeof OrderRequestSchema>;

/** An order that every consumer of the default topology accepts end to end (its SKUs are in the catalog). */
export const exampleOrder: OrderRequest = {
  customer: { id: 'cus-1001', email: 'ada@example.com' },
  currency: 'EUR',
  items: [
    { sku: 'SKU-COFFEE-1KG', quantity: 2, unitPrice: 1899 },
    { sku: 'SKU-MUG-WHITE', quantity: 1, unitPrice: 950 },
  ],
};
