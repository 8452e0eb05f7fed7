import { exampleOrder, OrderRequestSchema, type OrderAccepted } from '../../../contracts/index.ts';
import {
  IdempotencyKeyInFlightError,
  IdempotencyKeyReusedError,
  InvalidBodyError,
  PayloadTooLargeError,
  PublishUnavailableError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  type ProblemError,
} from './errors.ts';
import { toFieldErrors } from './fieldErrors.ts';
import type { Problem } from './problem.ts';

/** The status codes `POST /orders` documents. */
export type PlaceOrderStatus = 202 | 400 | 401 | 409 | 413 | 415 | 422 | 503;

const CORRELATION_ID = 'checkout-7f3a';
const where = { instance: '/orders', correlationId: CORRELATION_ID };

/**
 * One example body per documented answer of `POST /orders`, made by the code that answers: the 400 is what
 * validating a broken order gives, the others are the errors the middleware throws, rendered as the error
 * boundary renders them. Without these, Swagger UI shows the Problem schema's field examples (a 400) under
 * every status, and one generated UUID for both ids of the 202.
 */
export function placeOrderExamples(options: { bodyLimitBytes: number }): Record<PlaceOrderStatus, OrderAccepted | Problem> {
  const problem = (error: ProblemError): Problem => error.toProblem(where);
  const broken = OrderRequestSchema.safeParse({ ...exampleOrder, currency: 'EURO', items: [{ ...exampleOrder.items[0], quantity: 0 }] });
  if (broken.success) throw new Error('the broken example order passed validation');
  return {
    202: {
      orderId: '0b6f3c2e-7d41-4a8e-9c5b-2f1e8d7a6b40',
      eventId: 'c4a1e9f7-3b2d-4f6a-8e5c-9d7b1a2c3e84',
      correlationId: CORRELATION_ID,
      status: 'accepted',
    },
    400: problem(new InvalidBodyError(toFieldErrors(broken.error.issues))),
    401: problem(new UnauthorizedError('The X-Api-Key header is missing.')),
    409: problem(new IdempotencyKeyInFlightError()),
    413: problem(new PayloadTooLargeError(options.bodyLimitBytes)),
    415: problem(new UnsupportedMediaTypeError('application/x-www-form-urlencoded is not supported; send application/json.')),
    422: problem(new IdempotencyKeyReusedError()),
    503: problem(new PublishUnavailableError({ cause: undefined })),
  };
}
