import { createConsumerHandler } from '../shared/index.ts';
import { catalog } from '../../contracts/catalog.ts';
import { describePricedOrder, priceOrder } from './priceOrder.ts';

/** Prices each order against the bundled catalog; unknown, discontinued or unpriced SKUs reject it. */
export const handler = createConsumerHandler({
  consumer: 'order-processor',
  process: (event) => describePricedOrder(priceOrder(event, catalog)),
});
