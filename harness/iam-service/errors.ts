import { QueryError } from './queryErrors.ts';

/**
 * IAM's modeled errors, worded as AWS words them (LocalStack
 * `tests/aws/services/iam/test_iam_roles.snapshot.json` and `test_iam.snapshot.json`,
 * recorded against AWS). The generic Query protocol errors (InvalidAction,
 * ValidationError, MalformedInput) are in `queryErrors.ts`.
 */

/** 404: the role, inline policy, managed policy or version does not exist. */
export class NoSuchEntityError extends QueryError {
  constructor(message: string) {
    super({ code: 'NoSuchEntity', statusCode: 404, message });
  }

  static role(roleName: string): NoSuchEntityError {
    return new NoSuchEntityError(`The role with name ${roleName} cannot be found.`);
  }

  static rolePolicy(policyName: string): NoSuchEntityError {
    return new NoSuchEntityError(`The role policy with name ${policyName} cannot be found.`);
  }

  /** GetPolicy or DeletePolicy of an unknown ARN, DetachRolePolicy of a policy that is not attached. */
  static policy(policyArn: string): NoSuchEntityError {
    return new NoSuchEntityError(`Policy ${policyArn} was not found.`);
  }

  /** AttachRolePolicy of an unknown customer managed policy. */
  static notAttachable(policyArn: string): NoSuchEntityError {
    return new NoSuchEntityError(`Policy ${policyArn} does not exist or is not attachable.`);
  }

  /** A permissions boundary that names an unknown customer managed policy. */
  static boundary(policyArn: string): NoSuchEntityError {
    return new NoSuchEntityError(`Scope ARN: ${policyArn} does not exist or is not attachable.`);
  }

  static policyVersion(policyArn: string, versionId: string): NoSuchEntityError {
    return new NoSuchEntityError(`Policy ${policyArn} version ${versionId} does not exist or is not attachable.`);
  }
}

/** 409: a role or managed policy of that name exists (names are unique regardless of case). */
export class EntityAlreadyExistsError extends QueryError {
  constructor(message: string) {
    super({ code: 'EntityAlreadyExists', statusCode: 409, message });
  }

  static role(roleName: string): EntityAlreadyExistsError {
    return new EntityAlreadyExistsError(`Role with name ${roleName} already exists.`);
  }

  static policy(policyName: string): EntityAlreadyExistsError {
    return new EntityAlreadyExistsError(`A policy called ${policyName} already exists. Duplicate names are not allowed.`);
  }
}

/** 400: a policy document that is not JSON. */
export class MalformedPolicyDocumentError extends QueryError {
  constructor() {
    super({ code: 'MalformedPolicyDocument', statusCode: 400, message: 'This policy contains invalid Json' });
  }
}

/** 409: the entity is still referenced by something that must go first. */
export class DeleteConflictError extends QueryError {
  constructor(message: string) {
    super({ code: 'DeleteConflict', statusCode: 409, message });
  }

  static attachedPolicies(): DeleteConflictError {
    return new DeleteConflictError('Cannot delete entity, must detach all policies first.');
  }

  static inlinePolicies(): DeleteConflictError {
    return new DeleteConflictError('Cannot delete entity, must delete policies first.');
  }

  static policyAttached(): DeleteConflictError {
    return new DeleteConflictError('Cannot delete a policy attached to entities.');
  }

  static policyVersions(): DeleteConflictError {
    return new DeleteConflictError(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
  }

  static defaultVersion(): DeleteConflictError {
    return new DeleteConflictError('Cannot delete the default version of a policy.');
  }
}

/** 400: semantically invalid input the model's constraints do not catch. */
export class InvalidInputError extends QueryError {
  constructor(message: string) {
    super({ code: 'InvalidInput', statusCode: 400, message });
  }

  static duplicateTagKeys(): InvalidInputError {
    return new InvalidInputError('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
  }

  static invalidArn(arn: string): InvalidInputError {
    return new InvalidInputError(`ARN ${arn} is not valid.`);
  }
}

/** 409: an IAM quota would be exceeded. */
export class LimitExceededError extends QueryError {
  constructor(message: string) {
    super({ code: 'LimitExceeded', statusCode: 409, message });
  }

  static quota(name: string, limit: number): LimitExceededError {
    return new LimitExceededError(`Cannot exceed quota for ${name}: ${limit}.`);
  }
}
