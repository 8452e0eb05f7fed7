import { describe, expect, it } from '@jest/globals';
import { renderConfirmation } from '../../lambdas/user-notification/renderConfirmation.ts';
import { orderPlacedFactory } from './factories.ts';

describe('renderConfirmation', () => {
  it('greets the customer, lists quantity × price per item and the total in the order currency', () => {
    const event = orderPlacedFactory();

    const confirmation = renderConfirmation(event);

    expect(confirmation.to).toBe('ada@example.com');
    expect(confirmation.text).toBe(
      [
        'Hello ada@example.com,',
        '',
        `thank you for your order ${event.orderId}.`,
        '',
        '  2 × SKU-COFFEE-1KG at €18.99 = €37.98',
        '  1 × SKU-MUG-WHITE at €9.50 = €9.50',
        '',
        'Total: €47.48',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['JPY', 1500, '¥1,500'],
    ['KWD', 1500, 'KWD\u00a01.500'],
    ['GBP', 5, '£0.05'],
    ['USD', 123456789012, '$1,234,567,890.12'],
  ])('formats %s minor units %d with the currency fraction digits as %s', (currency, unitPrice, formatted) => {
    const confirmation = renderConfirmation(orderPlacedFactory({ currency, items: [{ sku: 'SKU-MUG-WHITE', quantity: 1, unitPrice }] }));

    expect(confirmation.total).toBe(formatted);
  });

  it('greets by customer id when there is no email', () => {
    const confirmation = renderConfirmation(orderPlacedFactory({ customer: { id: 'cus-9' } }));

    expect(confirmation.to).toBeNull();
    expect(confirmation.text.startsWith('Hello cus-9,\n')).toBe(true);
  });
});
