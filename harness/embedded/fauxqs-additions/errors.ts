import { constraint, constraintFailure, validationErrors } from '../../aws/constraintMessages.ts';

/**
 * SNS errors the additions raise. Each knows its AWS error code (the Query protocol's `<Code>`), its HTTP
 * status and AWS's message; `snsRouter.ts` is the one place that renders them as SNS's `<ErrorResponse>`.
 */
export class SnsAdditionError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly senderFault: boolean;

  constructor(options: { code: string; statusCode?: number; message: string; senderFault?: boolean }) {
    super(options.message);
    this.name = options.code;
    this.code = options.code;
    this.statusCode = options.statusCode ?? 400;
    this.senderFault = options.senderFault ?? true;
  }
}

/** 400 `InvalidParameter` (the SDK's InvalidParameterException). */
export class InvalidParameterException extends SnsAdditionError {
  constructor(message: string) {
    super({ code: 'InvalidParameter', message });
  }
}

/** 400 `ParameterValueInvalid` (the SDK's InvalidParameterValueException): a message attribute is malformed. */
export class InvalidParameterValueException extends SnsAdditionError {
  constructor(message: string) {
    super({ code: 'ParameterValueInvalid', message });
  }
}

/** 400 `ValidationError`: a required member of the API model is missing. */
export class ValidationError extends SnsAdditionError {
  /** AWS wording: "1 validation error detected: Value null at 'messageAttributes.a.member.dataType' failed to ...". */
  static missingMember(memberPath: string): ValidationError {
    return new ValidationError(validationErrors([constraintFailure({ value: 'null', member: memberPath, message: constraint.notNull.message })]));
  }

  constructor(message: string) {
    super({ code: 'ValidationError', message });
  }
}
