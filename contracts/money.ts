import { z } from 'zod';

const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 alphabetic code that the runtime knows, e.g. EUR. */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code of three capital letters, e.g. EUR')
  .refine((code) => isoCurrencies.has(code), { message: 'not an ISO 4217 currency code' })
  .meta({ description: 'ISO 4217 currency code', example: 'EUR' });

/** An amount in integer minor units (cents for EUR): never a float. */
export const MinorUnitsSchema = z
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ description: 'Amount in integer minor units of the currency (cents for EUR)', example: 1299 });
