/**
 * Errors of the embedded Lambda service. Each knows its AWS error code, HTTP
 * status and message; the router is the one place that renders them on the
 * wire (header `x-amzn-ErrorType` plus a JSON body, as the Lambda API does).
 */
export class AwsError extends Error {
  readonly code: string;
  readonly statusCode: number;
  /** Lambda spells the message member `Message` on most errors, `message` on a few. */
  readonly messageMember: 'Message' | 'message';
  readonly extraBody: Readonly<Record<string, string>>;
  readonly extraHeaders: Readonly<Record<string, string>>;

  constructor(options: {
    code: string;
    statusCode: number;
    message: string;
    messageMember?: 'Message' | 'message';
    extraBody?: Record<string, string>;
    extraHeaders?: Record<string, string>;
  }) {
    super(options.message);
    this.name = options.code;
    this.code = options.code;
    this.statusCode = options.statusCode;
    this.messageMember = options.messageMember ?? 'Message';
    this.extraBody = options.extraBody ?? {};
    this.extraHeaders = options.extraHeaders ?? {};
  }

  /** The JSON body Lambda sends with this error. */
  toBody(): Record<string, string> {
    return {
      Type: this.statusCode >= 500 ? 'Service' : 'User',
      [this.messageMember]: this.message,
      ...this.extraBody,
    };
  }
}

/** 404: the function, version or mapping does not exist. */
export class ResourceNotFoundException extends AwsError {
  constructor(message: string) {
    super({ code: 'ResourceNotFoundException', statusCode: 404, message });
  }

  /** AWS wording for an unknown function. */
  static forFunction(functionArn: string): ResourceNotFoundException {
    return new ResourceNotFoundException(`Function not found: ${functionArn}`);
  }

  /** AWS wording for an unknown event source mapping. */
  static forMapping(): ResourceNotFoundException {
    return new ResourceNotFoundException('The resource you requested does not exist.');
  }

  /** AWS wording for an unknown event source mapping named by its ARN (the tagging operations). */
  static forMappingArn(mappingArn: string): ResourceNotFoundException {
    return new ResourceNotFoundException(`Event source mapping not found: ${mappingArn}`);
  }
}

/**
 * 400: a parameter is semantically invalid. Lambda spells its message member `message` (every one of them in
 * LocalStack's AWS-recorded parity snapshots, tests/aws/services/lambda_/test_lambda_api.snapshot.json).
 */
export class InvalidParameterValueException extends AwsError {
  constructor(message: string, options: { messageMember?: 'Message' | 'message' } = {}) {
    super({ code: 'InvalidParameterValueException', statusCode: 400, message, messageMember: options.messageMember ?? 'message' });
  }
}

/** 400: a value breaks a constraint of the API model (range, pattern, length). */
export class ValidationException extends AwsError {
  constructor(message: string) {
    super({ code: 'ValidationException', statusCode: 400, message, messageMember: 'message' });
  }
}

/** 400: the body is not JSON, or a member has the wrong JSON type. */
export class InvalidRequestContentException extends AwsError {
  constructor(message: string) {
    super({ code: 'InvalidRequestContentException', statusCode: 400, message });
  }
}

/** 409: the resource already exists or is in a conflicting state (message member `message`, as recorded on AWS). */
export class ResourceConflictException extends AwsError {
  constructor(message: string) {
    super({ code: 'ResourceConflictException', statusCode: 409, message, messageMember: 'message' });
  }
}

/** 412: the RevisionId given is not the function's current one. */
export class PreconditionFailedException extends AwsError {
  constructor() {
    super({
      code: 'PreconditionFailedException',
      statusCode: 412,
      message: 'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
      messageMember: 'message',
    });
  }
}

/** 404: no Lambda operation of this service matches the method and path. */
export class UnknownOperationException extends AwsError {
  constructor(method: string, path: string) {
    super({
      code: 'UnknownOperationException',
      statusCode: 404,
      message: `The embedded Lambda service does not implement ${method} ${path}`,
    });
  }
}

/** 429: the function's concurrency is exhausted, or its queue of asynchronous invocations is full. */
export class TooManyRequestsException extends AwsError {
  constructor(reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' | 'ConcurrentInvocationLimitExceeded' | 'FunctionInvocationRateLimitExceeded') {
    super({
      code: 'TooManyRequestsException',
      statusCode: 429,
      message: 'Rate Exceeded.',
      messageMember: 'message',
      extraBody: { Reason: reason },
      extraHeaders: { 'Retry-After': '1' },
    });
  }
}

/** 413: the request body is over the operation's limit. */
export class RequestTooLargeException extends AwsError {
  constructor(message: string) {
    super({ code: 'RequestTooLargeException', statusCode: 413, message, messageMember: 'message' });
  }
}

/** 500: a bug or an unexpected failure inside the service. */
/** 400: past the storage the service keeps for code (Lambda: the account's code storage quota). */
export class CodeStorageExceededException extends AwsError {
  constructor() {
    super({
      code: 'CodeStorageExceededException',
      statusCode: 400,
      message: 'Your AWS account has exceeded its maximum total code size. For more information, see Lambda quotas.',
    });
  }
}

export class ServiceException extends AwsError {
  constructor(message: string) {
    super({ code: 'ServiceException', statusCode: 500, message });
  }
}
