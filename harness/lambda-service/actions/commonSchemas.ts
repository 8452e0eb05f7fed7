import * as z from 'zod';
import { RESERVED_VARIABLES } from '../environments/environmentVariables.ts';
import { InvalidParameterValueException, ValidationException } from '../errors.ts';
import { constraintFailure, validationErrors } from '../../aws/constraintMessages.ts';
import { constraint } from '../validation.ts';

/** A member checked against one of AWS's patterns, printed (unanchored) as AWS prints it. */
function awsPattern(source: string): [RegExp, { message: string }] {
  return [new RegExp(`^(?:${source})$`), constraint.pattern(source)];
}

/**
 * FunctionName of the operations that write (CreateFunction, UpdateFunction*, the mappings, concurrency):
 * a name, `name:qualifier`, partial ARN or ARN, at most 140 characters, in AWS's pattern. A value that does
 * not match is a ValidationException naming the pattern (LocalStack's AWS-recorded parity snapshots
 * `TestLambdaFunction::test_function_name_and_qualifier_validation[*-create_function]` and `::test_function_arns`).
 */
export const FunctionNameParam = z
  .string()
  .min(1, constraint.minLength(1))
  .max(140, constraint.maxLength(140))
  .regex(
    ...awsPattern(
      String.raw`(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?`,
    ),
  );

/**
 * FunctionName of GetFunction(Configuration), Invoke, DeleteFunction and ListVersionsByFunction: AWS's wider
 * pattern (dots, `$LATEST.PUBLISHED`), no length limit reported before it (the same snapshots, `*-get_function`,
 * `*-invoke`, `*-delete_function`).
 */
export const NamespacedFunctionNameParam = z
  .string()
  .min(1, constraint.minLength(1))
  .regex(
    ...awsPattern(
      String.raw`(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?`,
    ),
  );

/** Qualifier (a version or alias), as the same snapshots record its checks. */
export const QualifierParam = z
  .string()
  .min(1, constraint.minLength(1))
  .max(128, constraint.maxLength(128))
  .regex(...awsPattern(String.raw`\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+`));

/**
 * CreateFunction: the name itself is at most 64 characters, an InvalidParameterValueException worded as a
 * validation error (`TestLambdaFunction::test_function_arns`, long_function_name_exc).
 */
export function checkFunctionNameLength(given: string, name: string): void {
  if (name.length > 64) {
    throw new InvalidParameterValueException(
      validationErrors([constraintFailure({ value: `'${given}'`, member: 'functionName', message: constraint.maxLength(64).message })]),
    );
  }
}

export const TimeoutSchema = z.int().min(1, constraint.min(1)).max(900, constraint.max(900));

export const MemorySizeSchema = z.int().min(128, constraint.min(128)).max(10240, constraint.max(10240));

export const EnvironmentSchema = z.object({
  Variables: z.record(z.string(), z.string()).optional(),
});

/** API_Environment: the key pattern of Environment.Variables. */
const VARIABLE_KEY = /^[a-zA-Z]([a-zA-Z0-9_])+$/;
/** Lambda's quota on a function's variables: their JSON, keys and values, at most 4 KB. */
const MAX_VARIABLES_BYTES = 4096;
/** What an answer quotes of the variables it refuses (Lambda quotes them whole; this keeps answers small). */
const QUOTED_BYTES = 512;

/**
 * Lambda's checks of Environment.Variables: the key pattern (so no key can carry `=` and override
 * another variable), the reserved keys, and the 4 KB quota. A NUL byte, which no process environment
 * can hold, is refused too.
 */
export function checkVariables(variables: Record<string, string> | undefined): Record<string, string> {
  const keys = Object.keys(variables ?? {});
  if (keys.some((key) => !VARIABLE_KEY.test(key))) {
    throw new ValidationException(
      validationErrors([
        constraintFailure({ member: 'environment.variables', message: `Map keys must satisfy constraint: [${constraint.pattern('[a-zA-Z]([a-zA-Z0-9_])+').message}]` }),
      ]),
    );
  }
  const reserved = keys.filter((key) => RESERVED_VARIABLES.includes(key));
  if (reserved.length > 0) {
    throw new InvalidParameterValueException(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  if (Object.values(variables ?? {}).some((value) => value.includes('\0'))) {
    throw new ValidationException(
      validationErrors([
        constraintFailure({ member: 'environment.variables', message: 'Map values must not contain NUL characters (a process environment cannot hold them)' }),
      ]),
    );
  }
  const measured = JSON.stringify(variables ?? {});
  if (Buffer.byteLength(measured) > MAX_VARIABLES_BYTES) {
    const quoted = measured.length > QUOTED_BYTES ? `${measured.slice(0, QUOTED_BYTES)}...` : measured;
    throw new InvalidParameterValueException(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${quoted}`,
    );
  }
  return { ...variables };
}

/** Only Node runtimes can run here. */
export function checkRuntime(runtime: string): string {
  if (!/^nodejs\d+\.x$/.test(runtime)) {
    throw new InvalidParameterValueException(
      `The runtime parameter of ${runtime} is not supported by the embedded Lambda service, which runs nodejs runtimes only.`,
    );
  }
  return runtime;
}

/** Code.ZipFile / ZipFile arrive base64-encoded in JSON. */
export const ZipFileSchema = z.string().transform((value, ctx) => {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.byteLength === 0) {
    ctx.addIssue({ code: 'custom', message: 'Member must not be empty' });
    return z.NEVER;
  }
  return bytes;
});

const LOG_GROUP_PATTERN = /^[.\-_/#A-Za-z0-9]+$/;

/** LoggingConfig members with the API model's enums and bounds (API_LoggingConfig). */
export const LoggingConfigSchema = z.object({
  LogFormat: z.enum(['JSON', 'Text'], constraint.enumOf(['JSON', 'Text'])).optional(),
  ApplicationLogLevel: z
    .enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'], constraint.enumOf(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']))
    .optional(),
  SystemLogLevel: z.enum(['DEBUG', 'INFO', 'WARN'], constraint.enumOf(['DEBUG', 'INFO', 'WARN'])).optional(),
  LogGroup: z
    .string()
    .min(1, constraint.minLength(1))
    .max(512, constraint.maxLength(512))
    .regex(LOG_GROUP_PATTERN, constraint.pattern(LOG_GROUP_PATTERN))
    .optional(),
});

/** One architecture, as the API model allows (API_CreateFunction: "Array Members: Fixed number of 1 item"). */
export const ArchitecturesSchema = z
  .array(z.enum(['x86_64', 'arm64'], constraint.enumOf(['x86_64', 'arm64'])))
  .min(1, constraint.minLength(1))
  .max(1, constraint.maxLength(1));

export const EphemeralStorageSchema = z.object({
  Size: z.int().min(512, constraint.min(512)).max(10240, constraint.max(10240)),
});

export const TracingConfigSchema = z.object({
  Mode: z.enum(['Active', 'PassThrough'], constraint.enumOf(['Active', 'PassThrough'])).optional(),
});

export const SnapStartSchema = z.object({
  ApplyOn: z.enum(['PublishedVersions', 'None'], constraint.enumOf(['PublishedVersions', 'None'])).optional(),
});

/** An empty TargetArn removes the dead-letter queue (what the Terraform provider sends to drop it). */
export const DeadLetterConfigSchema = z.object({ TargetArn: z.string().optional() });

/** Tags of CreateFunction, CreateEventSourceMapping and TagResource. */
export const TagsSchema = z.record(
  z.string().min(1, constraint.minLength(1)).max(128, constraint.maxLength(128)),
  z.string().max(256, constraint.maxLength(256)),
);

/** Lambda's limit of 50 tags per resource (LocalStack parity snapshot `TestLambdaTags::test_tag_limits`). */
export function checkTagCount(tags: Readonly<Record<string, string>>): Record<string, string> {
  if (Object.keys(tags).length > 50) {
    throw new InvalidParameterValueException('Number of tags exceeds resource tag limit.', { messageMember: 'message' });
  }
  return { ...tags };
}
