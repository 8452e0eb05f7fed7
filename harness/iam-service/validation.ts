import * as z from 'zod';
import { constraint, constraintFailure, validationErrors } from '../aws/constraintMessages.ts';
import { MalformedInputError, ValidationError } from './queryErrors.ts';

/**
 * Parses an action's decoded Query parameters with its schema and maps
 * failures to the errors IAM and STS answer with, worded like AWS's
 * (STS probes of versity/versitygw, LocalStack `test_iam_roles.snapshot.json`):
 * `1 validation error detected: Value 'bad/name' at 'roleSessionName' failed to satisfy constraint: ...`,
 * `Value null at 'roleArn' failed to satisfy constraint: Member must not be null`,
 * several joined with `; ` under `N validation errors detected`. A number that
 * does not parse is a MalformedInput instead.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) {
    return result.data;
  }
  const issues = result.error.issues;
  const malformed = issues.find((issue): issue is z.core.$ZodIssueCustom => issue.code === 'custom' && issue.params?.malformed === true);
  if (malformed) {
    throw new MalformedInputError(malformed.params?.withoutMessage === true ? undefined : malformed.message);
  }
  // A list where a string belongs, or the reverse (`RoleName.member.1=x`): the input cannot be read.
  if (issues.some((issue) => issue.code === 'invalid_type' && issue.input !== undefined)) {
    throw new MalformedInputError();
  }
  const failures = issues.map((issue) => {
    const value = describeValue(issue);
    return constraintFailure({
      ...(value === undefined ? {} : { value }),
      member: memberPath(issue.path),
      message: issue.input === undefined ? constraint.notNull.message : issue.message,
    });
  });
  throw new ValidationError(validationErrors(failures));
}

/**
 * AWS quotes the value of a top-level scalar parameter and prints `null` for
 * a missing one; for lists and their members it prints no value at all
 * ("Value at 'tags.1.member.key' failed ...", LocalStack's IAM snapshots).
 */
function describeValue(issue: z.core.$ZodIssue): string | undefined {
  if (issue.input === undefined) {
    return 'null';
  }
  const scalar = typeof issue.input === 'string' || typeof issue.input === 'number';
  return issue.path.length === 1 && scalar ? `'${String(issue.input)}'` : undefined;
}

/** AWS names members in camelCase and list items as `tags.1.member.key` (1-based). */
function memberPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === 'number' ? `${segment + 1}.member` : lowerFirst(String(segment))))
    .join('.');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * A string parameter with the constraints of the API model, checked in
 * AWS's order (pattern, then length). Lengths count code points, as AWS does.
 * `pattern` is the model's regular expression as AWS prints it.
 */
export function awsString(constraints: { min?: number; max?: number; pattern?: string }): z.ZodString {
  const { min, max, pattern } = constraints;
  const regex = pattern === undefined ? undefined : new RegExp(`^(?:${pattern})$`, 'u');
  return z.string().check((ctx) => {
    const value = ctx.value;
    if (regex && pattern !== undefined && !regex.test(value)) {
      ctx.issues.push({ code: 'custom', ...constraint.pattern(pattern), input: value });
    }
    const length = [...value].length;
    if (min !== undefined && length < min) {
      ctx.issues.push({ code: 'custom', ...constraint.minLength(min), input: value });
    }
    if (max !== undefined && length > max) {
      ctx.issues.push({ code: 'custom', ...constraint.maxLength(max), input: value });
    }
  });
}

const INT32 = { min: -2_147_483_648, max: 2_147_483_647 } as const;

/**
 * An integer parameter: the decimal text of a 32-bit integer (a sign and
 * leading zeros allowed), within the model's range. Text that is not such a
 * number is a MalformedInput, as on AWS ("missing value for decimal type"
 * when empty, no message otherwise).
 */
export function awsInt(constraints: { min?: number; max?: number }) {
  return z.string().transform((raw, ctx) => {
    const number = Number(raw);
    if (raw === '' || !/^[+-]?\d+$/.test(raw) || number < INT32.min || number > INT32.max) {
      ctx.issues.push({
        code: 'custom',
        message: raw === '' ? 'missing value for decimal type' : 'malformed integer',
        params: { malformed: true, withoutMessage: raw !== '' },
        input: raw,
      });
      return z.NEVER;
    }
    if (constraints.min !== undefined && number < constraints.min) {
      ctx.issues.push({ code: 'custom', message: `Member must have value greater than or equal to ${constraints.min}`, input: String(number) });
    }
    if (constraints.max !== undefined && number > constraints.max) {
      ctx.issues.push({ code: 'custom', message: `Member must have value less than or equal to ${constraints.max}`, input: String(number) });
    }
    return number;
  });
}

/** A boolean parameter: `true` or `false`; anything else cannot be read. */
export function awsBoolean() {
  return z.string().transform((raw, ctx) => {
    const lower = raw.toLowerCase();
    if (lower !== 'true' && lower !== 'false') {
      ctx.issues.push({ code: 'custom', message: 'malformed boolean', params: { malformed: true, withoutMessage: true }, input: raw });
      return z.NEVER;
    }
    return lower === 'true';
  });
}

/** A list parameter (`Name.member.N`) of at most `max` items. */
export function awsList<T extends z.ZodType>(item: T, constraints: { max: number }) {
  return z.array(item).check((ctx) => {
    if (ctx.value.length > constraints.max) {
      ctx.issues.push({ code: 'custom', message: `Member must have length less than or equal to ${constraints.max}`, input: ctx.value });
    }
  });
}
