import * as z from 'zod';
import { CurrencySchema, MinorUnitsSchema } from './money.ts';
import { OrderItemSchema } from './orderRequest.ts';
import catalogJson from './catalog.json' with { type: 'json' };

export const CatalogEntrySchema = z.strictObject({
  name: z.string().min(1),
  /** Unit price in minor units, per ISO 4217 currency; a currency absent here is not sold. */
  prices: z.record(CurrencySchema, MinorUnitsSchema),
  discontinued: z.boolean(),
});

/**
 * Products by SKU. The order-processor prices orders against it (bundled with the function, so a price change
 * is a deployment); the specs build orders it accepts from it. Not in `index.ts`: the publisher does not load it.
 */
export const CatalogSchema = z.record(OrderItemSchema.shape.sku, CatalogEntrySchema);

export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
export type Catalog = z.infer<typeof CatalogSchema>;

/** The bundled catalog, validated once at cold start so a broken file fails loudly, not per order. */
export const catalog: Catalog = CatalogSchema.parse(catalogJson);
