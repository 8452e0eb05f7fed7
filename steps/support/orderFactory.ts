import type { OrderItem, OrderRequest } from '../../contracts/index.ts';
import { catalog } from '../../contracts/catalog.ts';

/** Products the order-processor sells today, in catalog order, with their price in `currency`. */
function productsSoldIn(currency: string): OrderItem[] {
  return Object.entries(catalog).flatMap(([sku, entry]) => {
    const unitPrice = entry.prices[currency];
    return !entry.discontinued && unitPrice !== undefined ? [{ sku, quantity: 1, unitPrice }] : [];
  });
}

export interface OrderOfLinesOptions {
  customer: string;
  currency: string;
  lines: number;
}

/** An order every consumer accepts: the first `lines` catalog products sold in the currency, one of each. */
export function orderOfLines(options: OrderOfLinesOptions): OrderRequest {
  const products = productsSoldIn(options.currency);
  if (options.lines < 1 || options.lines > products.length) {
    throw new Error(`the catalog sells ${products.length} products in ${options.currency}; cannot build an order of ${options.lines} lines`);
  }
  return { customer: { id: options.customer }, currency: options.currency, items: products.slice(0, options.lines) };
}

/**
 * An order whose total is exactly `totalMinor`: one coffee at that unit price. The order-processor
 * reports the difference from the catalog price as drift and still processes it.
 */
export function orderTotalling(totalMinor: number, currency = 'EUR', customer = 'cus-threshold'): OrderRequest {
  return { customer: { id: customer }, currency, items: [{ sku: 'SKU-COFFEE-1KG', quantity: 1, unitPrice: totalMinor }] };
}

/** The SKU the order-processor refuses on every receive: the product is no longer sold. */
export const DISCONTINUED_SKU = 'SKU-DISCONTINUED-LAMP';

/** A valid order that includes the discontinued desk lamp. */
export function orderWithDiscontinuedItem(customer = 'cus-poison'): OrderRequest {
  const lamp = catalog[DISCONTINUED_SKU];
  const [first] = productsSoldIn('EUR');
  if (!lamp || !first) throw new Error(`the catalog no longer lists ${DISCONTINUED_SKU}`);
  return { customer: { id: customer }, currency: 'EUR', items: [first, { sku: DISCONTINUED_SKU, quantity: 1, unitPrice: lamp.prices.EUR ?? 2999 }] };
}

/**
 * The `n`th order of a burst: customers and sizes vary, and every fifth order includes the espresso
 * machine so that threshold-filtered consumers get their share.
 */
export function burstOrder(n: number): OrderRequest {
  const products = productsSoldIn('EUR');
  const espresso = products.find((item) => item.sku === 'SKU-ESPRESSO-MACHINE');
  const small = products.filter((item) => item.unitPrice < 10_000);
  const lines = small.slice(0, 1 + (n % Math.max(1, small.length)));
  return {
    customer: { id: `cus-burst-${n}` },
    currency: 'EUR',
    items: n % 5 === 0 && espresso ? [...lines, espresso] : lines,
  };
}

/** "499.99" -> 49999: an amount with two decimals in minor units. */
export function minorUnits(amount: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`"${amount}" is not an amount such as 499.99`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
