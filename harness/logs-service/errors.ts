/**
 * Errors of the emulated CloudWatch Logs service. Each knows its AWS error
 * code, HTTP status and message; the router is the one place that renders
 * them (AWS JSON 1.1: `{"__type": code, "message": ...}`). CloudWatch Logs
 * answers almost every client error with 400.
 */
export class LogsError extends Error {
  readonly code: string;
  readonly statusCode: number;

  constructor(options: { code: string; message: string; statusCode?: number }) {
    super(options.message);
    this.name = options.code;
    this.code = options.code;
    this.statusCode = options.statusCode ?? 400;
  }

  /** The JSON body CloudWatch Logs sends with this error (no message member when there is none). */
  toBody(): Record<string, string> {
    return this.message === '' ? { __type: this.code } : { __type: this.code, message: this.message };
  }
}

/** The log group or stream named does not exist. */
export class ResourceNotFoundException extends LogsError {
  constructor(message: string) {
    super({ code: 'ResourceNotFoundException', message });
  }

  static logGroup(): ResourceNotFoundException {
    return new ResourceNotFoundException('The specified log group does not exist.');
  }

  static logStream(): ResourceNotFoundException {
    return new ResourceNotFoundException('The specified log stream does not exist.');
  }
}

/** The log group or stream to create exists already. */
export class ResourceAlreadyExistsException extends LogsError {
  constructor(message: string) {
    super({ code: 'ResourceAlreadyExistsException', message });
  }

  static logGroup(): ResourceAlreadyExistsException {
    return new ResourceAlreadyExistsException('The specified log group already exists');
  }

  static logStream(): ResourceAlreadyExistsException {
    return new ResourceAlreadyExistsException('The specified log stream already exists');
  }
}

/** A parameter breaks a constraint of the API model or a rule of the service. */
export class InvalidParameterException extends LogsError {
  constructor(message: string) {
    super({ code: 'InvalidParameterException', message });
  }

  static nextToken(): InvalidParameterException {
    return new InvalidParameterException('The specified nextToken is invalid.');
  }
}

/** Parameters that exclude each other, and deletion of a protected log group. */
export class ValidationException extends LogsError {
  constructor(message: string) {
    super({ code: 'ValidationException', message });
  }
}

/** More than 50 tags on one log group. */
export class TooManyTagsException extends LogsError {
  constructor(message: string) {
    super({ code: 'TooManyTagsException', message });
  }
}

/** The body is not JSON, or a member has the wrong JSON type. */
export class SerializationException extends LogsError {
  constructor(message: string) {
    super({ code: 'SerializationException', message });
  }
}

/** The X-Amz-Target names no action of this service (AWS sends no message). */
export class UnknownOperationException extends LogsError {
  constructor() {
    super({ code: 'UnknownOperationException', message: '' });
  }
}

/** A bug or an unexpected failure inside the service. */
export class ServiceUnavailableException extends LogsError {
  constructor(message: string) {
    super({ code: 'ServiceUnavailableException', message, statusCode: 500 });
  }
}
