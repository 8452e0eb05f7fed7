import { STATUS_CODES } from 'node:http';
import { ProblemType, type FieldError, type Problem } from './problem.ts';

export interface ProblemErrorInit {
  status: number;
  detail: string;
  type?: string;
  /** Defaults to the HTTP status phrase. */
  title?: string;
  errors?: readonly FieldError[];
  /** Response headers that belong to this problem (Allow, Retry-After, ...). */
  headers?: Readonly<Record<string, string>>;
  /** Extension members of the problem (RFC 9457 section 3.2), e.g. the ids of an order whose outcome is unknown. */
  extensions?: Readonly<{ orderId?: string; eventId?: string }>;
  cause?: unknown;
}

/** An error the client is meant to see: the error boundary renders it as problem+json with its status. */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly extensions: Readonly<{ orderId?: string; eventId?: string }>;

  constructor(init: ProblemErrorInit) {
    super(init.detail, { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.type = init.type ?? ProblemType.blank;
    this.title = init.title ?? STATUS_CODES[init.status] ?? 'Error';
    this.detail = init.detail;
    this.errors = init.errors;
    this.headers = init.headers ?? {};
    this.extensions = init.extensions ?? {};
  }

  /** The problem+json body of this error, answered for `instance` (the request path). */
  toProblem(where: { instance: string; correlationId: string }): Problem {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      instance: where.instance,
      correlationId: where.correlationId,
      ...this.extensions,
      ...(this.errors === undefined ? {} : { errors: [...this.errors] }),
    };
  }
}

/** Field errors a 400 lists at most: a body of thousands of bad fields gets a small answer. */
export const MAX_LISTED_FIELD_ERRORS = 100;

export class InvalidBodyError extends ProblemError {
  constructor(errors: readonly FieldError[]) {
    const count = errors.length === 1 ? '1 invalid field' : `${errors.length} invalid fields`;
    const listed = errors.length > MAX_LISTED_FIELD_ERRORS ? ` (the first ${MAX_LISTED_FIELD_ERRORS} are listed)` : '';
    super({
      status: 400,
      type: ProblemType.invalidBody,
      title: 'Invalid order',
      detail: `The order has ${count}${listed}.`,
      errors: errors.slice(0, MAX_LISTED_FIELD_ERRORS),
    });
  }
}

export class MalformedJsonError extends ProblemError {
  constructor(reason: string, cause?: unknown) {
    super({
      status: 400,
      type: ProblemType.malformedJson,
      title: 'Malformed JSON',
      detail: `The request body is not a JSON object: ${reason}`,
      errors: [{ field: 'body', message: reason }],
      cause,
    });
  }
}

export class UnsupportedMediaTypeError extends ProblemError {
  constructor(detail: string) {
    super({ status: 415, detail, headers: { 'Accept-Post': 'application/json' } });
  }
}

export class PayloadTooLargeError extends ProblemError {
  constructor(limitBytes: number) {
    // Closing the connection stops a client that is still streaming the rest of the body.
    super({ status: 413, detail: `The request body is larger than ${limitBytes} bytes.`, headers: { Connection: 'close' } });
  }
}

export class UnauthorizedError extends ProblemError {
  constructor(detail: string) {
    super({ status: 401, detail, headers: { 'WWW-Authenticate': 'ApiKey header="X-Api-Key"' } });
  }
}

export class NotFoundError extends ProblemError {
  constructor(path: string) {
    super({ status: 404, detail: `No resource at ${path}.` });
  }
}

export class MethodNotAllowedError extends ProblemError {
  constructor(method: string, path: string, allow: string) {
    super({ status: 405, detail: `${method} is not supported on ${path}; use ${allow}.`, headers: { Allow: allow } });
  }
}

/** SNS answered with an error: nothing was published, so the client may retry. */
export class PublishUnavailableError extends ProblemError {
  readonly timedOut = false;
  readonly outcomeUnknown = false;

  constructor(options: { cause: unknown }) {
    super({
      status: 503,
      type: ProblemType.publishUnavailable,
      title: 'Order not accepted',
      detail: 'The event bus rejected the order; it was not accepted. Retry the request.',
      headers: { 'Retry-After': '1' },
      cause: options.cause,
    });
  }
}

/**
 * SNS did not confirm in time (or the connection broke once the request was sent): the event may have been
 * published. The answer says so, and carries the order's ids; a retry with the same Idempotency-Key
 * publishes the same event again, which consumers drop as a duplicate if the first one did get through.
 */
export class PublishOutcomeUnknownError extends ProblemError {
  readonly timedOut: boolean;
  readonly outcomeUnknown = true;

  constructor(options: { timedOut: boolean; orderId: string; eventId: string; idempotent: boolean; cause: unknown }) {
    const what = options.timedOut ? 'did not confirm the order in time' : 'lost the connection before confirming the order';
    super({
      status: 503,
      type: ProblemType.publishOutcomeUnknown,
      title: 'Order outcome unknown',
      detail: options.idempotent
        ? `The event bus ${what}: it may or may not have been published. Retry with the same Idempotency-Key: the order keeps its orderId and eventId, so it is placed once whatever happened.`
        : `The event bus ${what}: it may or may not have been published. A retry without an Idempotency-Key places a second order; send one to make retries safe.`,
      headers: { 'Retry-After': '1' },
      extensions: { orderId: options.orderId, eventId: options.eventId },
      cause: options.cause,
    });
    this.timedOut = options.timedOut;
  }
}

export class InvalidIdempotencyKeyError extends ProblemError {
  constructor(message: string) {
    super({
      status: 400,
      type: ProblemType.invalidBody,
      title: 'Invalid Idempotency-Key',
      detail: `The Idempotency-Key header ${message}.`,
      errors: [{ field: 'Idempotency-Key', message }],
    });
  }
}

/** IETF httpapi idempotency draft, section 2.7: a second request while the first with its key is answered. */
export class IdempotencyKeyInFlightError extends ProblemError {
  constructor() {
    super({
      status: 409,
      type: ProblemType.idempotencyKeyInFlight,
      title: 'Request in progress',
      detail: 'A request with this Idempotency-Key is still being answered; retry once it is.',
      headers: { 'Retry-After': '1' },
    });
  }
}

/** IETF httpapi idempotency draft, section 2.7: the key was used for a different order. */
export class IdempotencyKeyReusedError extends ProblemError {
  constructor() {
    super({
      status: 422,
      type: ProblemType.idempotencyKeyReused,
      title: 'Idempotency-Key reused',
      detail: 'This Idempotency-Key was used for a different order; use a new key for a new order.',
    });
  }
}

export class InternalServerError extends ProblemError {
  constructor(cause: unknown) {
    super({ status: 500, detail: 'An unexpected error occurred. Quote the correlation id when reporting it.', cause });
  }
}
