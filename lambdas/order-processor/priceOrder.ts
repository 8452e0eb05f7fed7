import type { OrderPlaced } from '../../contracts/index.ts';
import { plural } from '../shared/plural.ts';
import type { Catalog } from '../../contracts/catalog.ts';
import { DiscontinuedSkuError, UnknownSkuError, UnpricedCurrencyError } from './errors.ts';

export interface PricedLine {
  sku: string;
  name: string;
  quantity: number;
  orderedUnitPrice: number;
  catalogUnitPrice: number;
}

export interface PricedOrder {
  currency: string;
  lines: PricedLine[];
  units: number;
  /** What the customer was charged: the event's total. */
  orderTotal: number;
  /** What the catalog says the order costs today. */
  catalogTotal: number;
  /** Lines whose ordered unit price is not the catalog's. */
  drift: PricedLine[];
}

/**
 * Prices an order against the catalog. Throws a {@link PricingError} for the first item that is unknown,
 * discontinued or not sold in the order's currency. A unit price that differs from the catalog (price
 * drift) does not fail the order: the customer was charged the published price, and the catalog bundled
 * here may lag behind the shop, so drift is reported in {@link PricedOrder.drift} instead.
 */
export function priceOrder(event: OrderPlaced, catalog: Catalog): PricedOrder {
  const lines = event.items.map((item): PricedLine => {
    const entry = catalog[item.sku];
    if (!entry) throw new UnknownSkuError(item.sku);
    if (entry.discontinued) throw new DiscontinuedSkuError(item.sku);
    const catalogUnitPrice = entry.prices[event.currency];
    if (catalogUnitPrice === undefined) throw new UnpricedCurrencyError(item.sku, event.currency);
    return { sku: item.sku, name: entry.name, quantity: item.quantity, orderedUnitPrice: item.unitPrice, catalogUnitPrice };
  });
  return {
    currency: event.currency,
    lines,
    units: lines.reduce((sum, line) => sum + line.quantity, 0),
    orderTotal: event.total,
    catalogTotal: lines.reduce((sum, line) => sum + line.quantity * line.catalogUnitPrice, 0),
    drift: lines.filter((line) => line.orderedUnitPrice !== line.catalogUnitPrice),
  };
}

/** The outcome detail: what was priced, and any drift from the catalog. */
export function describePricedOrder(order: PricedOrder): string {
  const summary = `priced ${plural(order.lines.length, 'line')}, ${plural(order.units, 'unit')}, total ${order.orderTotal} ${order.currency}`;
  if (order.drift.length === 0) return summary;
  const drifted = order.drift.map((line) => `${line.sku} ordered at ${line.orderedUnitPrice}, catalog ${line.catalogUnitPrice}`);
  return `${summary}; price drift: ${drifted.join(', ')} (catalog total ${order.catalogTotal} ${order.currency})`;
}
