import * as z from 'zod';
import { describeIssues } from './describeIssues.ts';
import type { Parsed } from './parsed.ts';

export const ORDER_ACCEPTED = 'accepted';

/** The 202 body of `POST /orders`: the publisher builds it, the specs and the bench parse it. */
export const OrderAcceptedSchema = z
  .strictObject({
    orderId: z.uuid(),
    eventId: z.uuid(),
    correlationId: z.string().meta({ description: 'Also in the X-Correlation-Id response header' }),
    status: z.literal(ORDER_ACCEPTED),
  })
  .meta({ id: 'OrderAccepted' });

export type OrderAccepted = z.infer<typeof OrderAcceptedSchema>;

/** Reads a parsed JSON body as the 202 of `POST /orders`; the error names each field that breaks it. */
export function parseOrderAccepted(body: unknown): Parsed<OrderAccepted> {
  const accepted = OrderAcceptedSchema.safeParse(body);
  return accepted.success ? { success: true, data: accepted.data } : { success: false, error: `not an OrderAccepted body: ${describeIssues(accepted.error)}` };
}
