import * as z from 'zod';

/** The body of `GET /health`. (The 202 of `POST /orders` is a contract its clients parse too: `OrderAcceptedSchema` in contracts/.) */
export const HealthSchema = z.strictObject({ status: z.literal('ok') }).meta({ id: 'Health' });
