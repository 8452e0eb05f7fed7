/**
 * Errors of the AWS Query protocol that IAM and STS share. Each knows its
 * code, HTTP status, message and fault type; the query router is the one
 * place that renders them (`<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`).
 */
export class QueryError extends Error {
  readonly code: string;
  readonly statusCode: number;
  /** `Sender` for the caller's mistakes, `Receiver` for the service's. */
  readonly type: 'Sender' | 'Receiver';
  /** AWS leaves `<Message>` out of a few errors (MalformedInput for a number that does not parse). */
  readonly hasMessage: boolean;
  /**
   * Errors the service front end raises before any operation runs (InvalidAction) come in the
   * generic AWSFault namespace, not the service's (STS probes of versity/versitygw).
   */
  readonly frontEnd: boolean;

  constructor(options: { code: string; statusCode: number; message?: string; type?: 'Sender' | 'Receiver'; frontEnd?: boolean }) {
    super(options.message ?? '');
    this.name = options.code;
    this.code = options.code;
    this.statusCode = options.statusCode;
    this.type = options.type ?? (options.statusCode >= 500 ? 'Receiver' : 'Sender');
    this.hasMessage = options.message !== undefined;
    this.frontEnd = options.frontEnd ?? false;
  }
}

/** The namespace AWS uses for front-end faults such as InvalidAction. */
export const AWS_FAULT_NAMESPACE = 'http://webservices.amazon.com/AWSFault/2005-15-09';

/** 400: no operation of that name in that API version ("Could not find operation X for version Y"). */
export class InvalidActionError extends QueryError {
  constructor(action: string, version: string | undefined) {
    super({
      code: 'InvalidAction',
      statusCode: 400,
      // AWS prints NO_VERSION_SPECIFIED when the Version parameter is absent, the value as sent otherwise.
      message: `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
      frontEnd: true,
    });
  }
}

/** 400: a parameter breaks a constraint of the API model (length, pattern, range, required). */
export class ValidationError extends QueryError {
  constructor(message: string) {
    super({ code: 'ValidationError', statusCode: 400, message });
  }
}

/** 400: a parameter cannot be read as its type (an integer that is not one). */
export class MalformedInputError extends QueryError {
  constructor(message?: string) {
    super({ code: 'MalformedInput', statusCode: 400, ...(message !== undefined ? { message } : {}) });
  }
}

/** 413: a request body over the size the service reads. */
export class RequestTooLargeError extends QueryError {
  constructor(maxBytes: number) {
    super({ code: 'RequestEntityTooLarge', statusCode: 413, message: `Request body must be at most ${maxBytes} bytes.` });
  }
}

/** 500: a bug or unexpected failure inside the service (IAM calls it ServiceFailure, STS InternalFailure). */
export class InternalServiceError extends QueryError {
  constructor(code: string, message: string) {
    super({ code, statusCode: 500, message, type: 'Receiver' });
  }
}
