import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { formatMoney } from '../../lambdas/user-notification/formatMoney.ts';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('formatMoney', () => {
  it('builds one Intl.NumberFormat per currency and keeps each currency its own fraction digits', () => {
    const constructed = jest.spyOn(Intl, 'NumberFormat');

    const formatted = [
      formatMoney(1999, 'CHF'),
      formatMoney(1500, 'ISK'),
      formatMoney(1500, 'BHD'),
      formatMoney(-5, 'CHF'),
      formatMoney(7, 'ISK'),
      formatMoney(1, 'BHD'),
    ];

    expect(formatted).toEqual(['CHF\u00a019.99', 'ISK\u00a01,500', 'BHD\u00a01.500', '-CHF\u00a00.05', 'ISK\u00a07', 'BHD\u00a00.001']);
    expect(constructed.mock.calls.map(([, options]) => options?.currency)).toEqual(['CHF', 'ISK', 'BHD']);
  });

  it('does not cache a currency Intl refuses', () => {
    expect(() => formatMoney(1, 'EURO')).toThrow(RangeError);
    expect(() => formatMoney(1, 'EURO')).toThrow(RangeError);
  });
});
