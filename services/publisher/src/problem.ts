import * as z from 'zod';

/** Problem type URIs (RFC 9457). Plain HTTP failures use `about:blank` with the status phrase as title. */
export const ProblemType = {
  blank: 'about:blank',
  invalidBody: 'tag:order-fanout,2025:problems/invalid-body',
  malformedJson: 'tag:order-fanout,2025:problems/malformed-json',
  publishUnavailable: 'tag:order-fanout,2025:problems/publish-unavailable',
  publishOutcomeUnknown: 'tag:order-fanout,2025:problems/publish-outcome-unknown',
  idempotencyKeyInFlight: 'tag:order-fanout,2025:problems/idempotency-key-in-flight',
  idempotencyKeyReused: 'tag:order-fanout,2025:problems/idempotency-key-reused',
} as const;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const FieldErrorSchema = z
  .object({
    field: z.string().meta({ description: 'Dotted path of the offending field, `body` for the body as a whole', example: 'items.0.quantity' }),
    message: z.string().meta({ example: 'Too small: expected number to be >=1' }),
  })
  .meta({ id: 'FieldError' });

/** RFC 9457 problem details, as every error of the publisher is rendered. */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: ProblemType.invalidBody }),
    title: z.string().meta({ example: 'Invalid order' }),
    status: z.int().meta({ example: 400 }),
    detail: z.string().meta({ example: 'The order has 1 invalid field.' }),
    instance: z.string().meta({ description: 'The request path', example: '/orders' }),
    correlationId: z.string().meta({ description: 'Also in the X-Correlation-Id response header; quote it when reporting a problem' }),
    orderId: z.uuid().optional().meta({ description: 'When the outcome is unknown (503): the order that may have been placed' }),
    eventId: z.uuid().optional().meta({ description: 'When the outcome is unknown (503): its event, which consumers deduplicate on' }),
    errors: z.array(FieldErrorSchema).optional().meta({ description: 'One entry per invalid field (validation problems only)' }),
  })
  .meta({ id: 'Problem' });

export type FieldError = z.infer<typeof FieldErrorSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
