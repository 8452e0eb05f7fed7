import { z } from 'zod';

/** The 202 body of `POST /orders`. */
export const OrderAcceptedSchema = z
  .strictObject({
    orderId: z.uuid(),
    eventId: z.uuid(),
    correlationId: z.string().meta({ description: 'Also in the X-Correlation-Id response header' }),
    status: z.literal('accepted'),
  })
  .meta({ id: 'OrderAccepted' });

export type OrderAccepted = z.infer<typeof OrderAcceptedSchema>;

export const HealthSchema = z.strictObject({ status: z.literal('ok') }).meta({ id: 'Health' });
