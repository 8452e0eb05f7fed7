import type * as z from 'zod';
import { constraint, constraintFailure, validationErrors } from '../aws/constraintMessages.ts';
import { InvalidParameterException, SerializationException } from './errors.ts';

export { constraint };

const TYPE_ISSUES = new Set(['invalid_type', 'invalid_union']);

/**
 * Parses an action's input with its schema and maps failures to the errors
 * CloudWatch Logs answers with: a member of the wrong JSON type is a
 * SerializationException; a missing required member or a broken model
 * constraint an InvalidParameterException worded like AWS's ("1 validation
 * error detected: Value '10001' at 'limit' failed to satisfy constraint:
 * Member must have value less than or equal to 10000", LocalStack parity
 * snapshot `test_logs_events.py::test_get_log_events_limit_validation`).
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) {
    return result.data;
  }
  const issues = result.error.issues;
  const typeIssue = issues.find((issue) => TYPE_ISSUES.has(issue.code) && !isMissing(issue));
  if (typeIssue) {
    throw new SerializationException(`${typeIssue.path.map(String).join('.')}: ${typeIssue.message}`);
  }
  // Checks AWS words its own way (not as a model constraint) are refinements marked `verbatim`.
  const own = issues.find((issue) => issue.code === 'custom' && issue.params?.verbatim === true);
  if (own) {
    throw new InvalidParameterException(own.message);
  }
  const failures = issues.map((issue) =>
    constraintFailure({
      value: formatValue(issue.input),
      member: issue.path.map(String).join('.'),
      message: isMissing(issue) ? constraint.notNull.message : issue.message,
    }),
  );
  throw new InvalidParameterException(validationErrors(failures));
}

/** A required member that is absent: zod reports it as a type issue on an undefined input. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.input === undefined;
}

function formatValue(input: unknown): string {
  if (input === undefined || input === null) {
    return 'null';
  }
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  // AWS does not echo huge values; keep messages readable.
  return `'${text.length > 200 ? `${text.slice(0, 200)}...` : text}'`;
}
