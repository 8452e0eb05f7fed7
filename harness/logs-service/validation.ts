import type { z } from 'zod';
import { InvalidParameterException, SerializationException } from './errors.ts';

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
  const details = issues.map(
    (issue) =>
      `Value ${formatValue(issue.input)} at '${issue.path.map(String).join('.')}' failed to satisfy constraint: ${
        isMissing(issue) ? 'Member must not be null' : issue.message
      }`,
  );
  const count = details.length === 1 ? '1 validation error' : `${details.length} validation errors`;
  throw new InvalidParameterException(`${count} detected: ${details.join('; ')}`);
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

/** Message helpers so schemas read like the constraints AWS prints. */
export const constraint = {
  min: (n: number) => ({ message: `Member must have value greater than or equal to ${n}` }),
  max: (n: number) => ({ message: `Member must have value less than or equal to ${n}` }),
  /** AWS prints the model's pattern text, which may differ from an equivalent JS source. */
  pattern: (re: RegExp | string) => ({ message: `Member must satisfy regular expression pattern: ${typeof re === 'string' ? re : re.source}` }),
  minLength: (n: number) => ({ message: `Member must have length greater than or equal to ${n}` }),
  maxLength: (n: number) => ({ message: `Member must have length less than or equal to ${n}` }),
  enumOf: (values: readonly (string | number)[]) => ({ message: `Member must satisfy enum value set: [${values.join(', ')}]` }),
} as const;
