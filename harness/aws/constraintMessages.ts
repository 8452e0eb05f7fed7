/**
 * The wording AWS's services share for a request that breaks its API model (the Coral validation
 * errors of Lambda, CloudWatch Logs, IAM, STS and SQS): each broken constraint as
 * `Value '<value>' at '<member>' failed to satisfy constraint: <constraint>`, several joined with `; `
 * under `N validation errors detected:`. Recorded on AWS in LocalStack's parity snapshots, e.g.
 * `TestLambdaFunction::test_create_lambda_exceptions`, `test_logs_events.py::test_get_log_events_limit_validation`
 * and `test_iam_roles.snapshot.json`. How a value and a member path are printed differs per service,
 * so each service's `validation.ts` formats those and words the whole through these.
 */

/** The constraints as the model prints them, as zod check options, so schemas read like AWS's messages. */
export const constraint = {
  min: (n: number) => ({ message: `Member must have value greater than or equal to ${n}` }),
  max: (n: number) => ({ message: `Member must have value less than or equal to ${n}` }),
  /** AWS prints the model's pattern text, which may differ from an equivalent JS source. */
  pattern: (re: RegExp | string) => ({ message: `Member must satisfy regular expression pattern: ${typeof re === 'string' ? re : re.source}` }),
  minLength: (n: number) => ({ message: `Member must have length greater than or equal to ${n}` }),
  maxLength: (n: number) => ({ message: `Member must have length less than or equal to ${n}` }),
  enumOf: (values: readonly (string | number)[]) => ({ message: `Member must satisfy enum value set: [${values.join(', ')}]` }),
  notNull: { message: 'Member must not be null' },
} as const;

/**
 * One broken constraint: `value` as the service prints it (`'x'`, `null`), or absent where AWS prints
 * none (IAM's list members: "Value at 'tags.1.member.key' failed ...").
 */
export function constraintFailure(options: { value?: string; member: string; message: string }): string {
  const value = options.value === undefined ? '' : `${options.value} `;
  return `Value ${value}at '${options.member}' failed to satisfy constraint: ${options.message}`;
}

/** `1 validation error detected: a` or `2 validation errors detected: a; b` (then `suffix`, e.g. "; and 3 more"). */
export function validationErrors(failures: readonly string[], options: { total?: number; suffix?: string } = {}): string {
  const total = options.total ?? failures.length;
  const count = total === 1 ? '1 validation error' : `${total} validation errors`;
  return `${count} detected: ${failures.join('; ')}${options.suffix ?? ''}`;
}
