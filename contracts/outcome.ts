import { z } from 'zod';

export const OutcomeResult = {
  processed: 'processed',
  rejected: 'rejected',
} as const;

/** What each Lambda reports, per record, to the outcomes queue; the specs match these to orders. */
export const OutcomeSchema = z.strictObject({
  consumer: z.string().min(1),
  functionName: z.string().min(1),
  orderId: z.string().min(1).nullable(),
  eventId: z.string().min(1).nullable(),
  messageId: z.string().min(1),
  receiveCount: z.int().min(1),
  correlationId: z.string().nullable(),
  result: z.enum([OutcomeResult.processed, OutcomeResult.rejected]),
  /** Why a record was rejected, or what the consumer produced (e.g. a confirmation text). */
  detail: z.string().optional(),
  processedAt: z.iso.datetime(),
});

export type Outcome = z.infer<typeof OutcomeSchema>;
