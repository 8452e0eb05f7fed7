import { z } from 'zod';
import { CurrencySchema, MinorUnitsSchema, OrderItemSchema } from '../../contracts/index.ts';
import catalogJson from './catalog.json' with { type: 'json' };

export const CatalogEntrySchema = z.strictObject({
  name: z.string().min(1),
  /** Unit price in minor units, per ISO 4217 currency; a currency absent here is not sold. */
  prices: z.record(CurrencySchema, MinorUnitsSchema),
  discontinued: z.boolean(),
});

/** Products by SKU. Bundled with the function, so a price change is a deployment. */
export const CatalogSchema = z.record(OrderItemSchema.shape.sku, CatalogEntrySchema);

export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
export type Catalog = z.infer<typeof CatalogSchema>;

/** The bundled catalog, validated once at cold start so a broken file fails loudly, not per order. */
export const catalog: Catalog = CatalogSchema.parse(catalogJson);
