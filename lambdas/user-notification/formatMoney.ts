const LOCALE = 'en';

interface CurrencyFormat {
  format: Intl.NumberFormat;
  digits: number;
}

/**
 * One formatter per currency for the life of the environment: building an Intl.NumberFormat is far costlier
 * than using one. Bounded by the ISO 4217 codes the contract accepts; a code Intl refuses throws and is not cached.
 */
const formats = new Map<string, CurrencyFormat>();

function currencyFormat(currency: string): CurrencyFormat {
  let cached = formats.get(currency);
  if (!cached) {
    const format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
    cached = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    formats.set(currency, cached);
  }
  return cached;
}

/**
 * Formats integer minor units in the currency's own fraction digits (2 for EUR, 0 for JPY, 3 for KWD).
 * The amount is handed to Intl as a decimal string, so no binary floating point rounding is involved.
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const { format, digits } = currencyFormat(currency);
  return format.format(toDecimalString(minorUnits, digits));
}

function toDecimalString(minorUnits: number, digits: number): `${number}` {
  const sign = minorUnits < 0 ? '-' : '';
  const magnitude = String(Math.abs(minorUnits)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${magnitude}` as `${number}`;
  return `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}` as `${number}`;
}
