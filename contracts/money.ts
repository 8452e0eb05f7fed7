import * as z from 'zod';

const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));

/**
 * An ISO 4217 alphabetic code that the runtime knows, e.g. EUR. A code that is not three capital letters
 * stops at that check, so one mistake gets one message, not also "not an ISO 4217 currency code".
 */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'an ISO 4217 code of three capital letters, e.g. EUR', abort: true })
  .refine((code) => isoCurrencies.has(code), { message: 'three capital letters, but not an ISO 4217 currency code' })
  .meta({ description: 'ISO 4217 currency code', example: 'EUR' });

/** An amount in integer minor units (cents for EUR): never a float. */
export const MinorUnitsSchema = z
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ description: 'Amount in integer minor units of the currency (cents for EUR)', example: 1299 });
