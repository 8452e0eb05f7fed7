import { describe, expect, it } from '@jest/globals';
import { exampleOrder } from '../../contracts/index.ts';
import { catalog } from '../../contracts/catalog.ts';

describe('the bundled catalog', () => {
  it.each(exampleOrder.items)('sells $sku, active, at the example order price $unitPrice', ({ sku, unitPrice }) => {
    expect(catalog[sku]).toMatchObject({ discontinued: false, prices: { [exampleOrder.currency]: unitPrice } });
  });

  it('lists the discontinued SKUs the specs use', () => {
    expect(catalog['SKU-DISCONTINUED-LAMP']?.discontinued).toBe(true);
    expect(catalog['SKU-VINYL-RARE']?.discontinued).toBe(true);
  });
});
