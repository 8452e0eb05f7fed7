/** An order that cannot be priced against the catalog; retrying will not change that. */
export class PricingError extends Error {
  override readonly name: string = 'PricingError';
  readonly sku: string;

  constructor(message: string, sku: string) {
    super(message);
    this.sku = sku;
  }
}

export class UnknownSkuError extends PricingError {
  override readonly name = 'UnknownSkuError';

  constructor(sku: string) {
    super(`Unknown SKU: ${sku}`, sku);
  }
}

export class DiscontinuedSkuError extends PricingError {
  override readonly name = 'DiscontinuedSkuError';

  constructor(sku: string) {
    super(`Discontinued SKU: ${sku}`, sku);
  }
}

export class UnpricedCurrencyError extends PricingError {
  override readonly name = 'UnpricedCurrencyError';
  readonly currency: string;

  constructor(sku: string, currency: string) {
    super(`SKU not priced in ${currency}: ${sku}`, sku);
    this.currency = currency;
  }
}
