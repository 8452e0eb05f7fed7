import type * as z from 'zod';
import { constraint, constraintFailure, validationErrors } from '../aws/constraintMessages.ts';
import { InvalidRequestContentException, ValidationException } from './errors.ts';

export { constraint };

const TYPE_ISSUES = new Set(['invalid_type', 'invalid_union', 'unrecognized_keys']);
/** Constraints an answer names at most, and characters it quotes of a value: a huge bad body gets a small answer. */
const MAX_LISTED = 10;
const MAX_QUOTED_CHARS = 256;

/**
 * Parses an action's raw input with its schema and maps failures to the
 * errors Lambda answers with: a member of the wrong JSON type is an
 * InvalidRequestContentException; a missing required member or a broken
 * constraint (range, pattern, enum) a ValidationException worded like AWS's
 * ("1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: ...",
 * "Value null at 'role' failed to satisfy constraint: Member must not be null").
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) {
    return result.data;
  }
  const issues = result.error.issues;
  const typeIssue = issues.find((issue) => TYPE_ISSUES.has(issue.code) && !isMissing(issue));
  if (typeIssue) {
    throw new InvalidRequestContentException(
      `Could not parse request body into json: ${memberPath(typeIssue.path)}: ${typeIssue.message}`,
    );
  }
  const details = [...new Set(issues.map((issue) => describeIssue(issue, raw)))];
  const more = details.length > MAX_LISTED ? `; and ${details.length - MAX_LISTED} more` : '';
  throw new ValidationException(validationErrors(details.slice(0, MAX_LISTED), { total: details.length, suffix: more }));
}

/**
 * One issue in AWS's words. A constraint on the members of a list is reported
 * on the list, with the list's value (`Value '[X86_64]' at 'architectures'
 * failed to satisfy constraint: Member must satisfy constraint: [Member must
 * satisfy enum value set: [x86_64, arm64], Member must not be null]`, as
 * recorded on AWS in LocalStack's `TestLambdaFunction::test_create_lambda_exceptions`).
 */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const last = issue.path.at(-1);
  if (typeof last === 'number' && !isMissing(issue)) {
    const listPath = issue.path.slice(0, -1);
    const list = listPath.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], raw);
    return constraintFailure({
      value: formatValue(list),
      member: memberPath(listPath),
      message: `Member must satisfy constraint: [${issue.message}, ${constraint.notNull.message}]`,
    });
  }
  return constraintFailure({
    value: formatValue(issue.input),
    member: memberPath(issue.path),
    message: isMissing(issue) ? constraint.notNull.message : issue.message,
  });
}

/** A required member that is absent: zod reports it as a type issue on an undefined input. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.input === undefined;
}

/** AWS names members in camelCase in validation messages (`scalingConfig.maximumConcurrency`). */
function memberPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === 'string' ? segment.charAt(0).toLowerCase() + segment.slice(1) : String(segment)))
    .join('.');
}

/** AWS prints values as Java does: strings bare, lists as `[a, b]`. */
function formatValue(input: unknown): string {
  if (input === undefined) {
    return 'null';
  }
  const text = javaString(input);
  return `'${text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}...` : text}'`;
}

function javaString(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => javaString(item)).join(', ')}]`;
  }
  return JSON.stringify(value) ?? String(value);
}
