import * as z from 'zod';
import { logGroupNameOf } from '../arns.ts';
import { InvalidParameterException, ValidationException } from '../errors.ts';
import type { LogGroup } from '../LogGroup.ts';
import type { LogStore } from '../LogStore.ts';
import { constraint } from '../validation.ts';

/** AWS checks name lengths before the model's other constraints, with its own wording (LocalStack parity snapshot `test_create_log_group_invalid_name_length`). */
const NAME_TOO_LONG = 'Invalid LogGroup or LogStream, both must have length less than or equal to 512.';

const GROUP_NAME_PATTERN = /[.\-_/#A-Za-z0-9]+/;
const STREAM_NAME_PATTERN = /[^:*]*/;

function whole(pattern: RegExp): RegExp {
  return new RegExp(`^(?:${pattern.source})$`);
}

export const LogGroupNameSchema = z
  .string()
  .min(1, constraint.minLength(1))
  .refine((value) => value.length <= 512, { message: NAME_TOO_LONG, params: { verbatim: true } })
  .regex(whole(GROUP_NAME_PATTERN), constraint.pattern(String.raw`[\.\-_/#A-Za-z0-9]+`));

export const LogStreamNameSchema = z
  .string()
  .min(1, constraint.minLength(1))
  .refine((value) => value.length <= 512, { message: NAME_TOO_LONG, params: { verbatim: true } })
  .regex(whole(STREAM_NAME_PATTERN), constraint.pattern(STREAM_NAME_PATTERN));

const IDENTIFIER_PATTERN = /[\w#+=/:,.@-]*/;

/** A log group name or ARN. */
export const LogGroupIdentifierSchema = z
  .string()
  .min(1, constraint.minLength(1))
  .max(2048, constraint.maxLength(2048))
  .regex(whole(IDENTIFIER_PATTERN), constraint.pattern(IDENTIFIER_PATTERN));

/** Epoch milliseconds (the model's Timestamp: a long, at least 0). */
export const TimestampSchema = z.int().min(0, constraint.min(0));

export function limitSchema(max: number) {
  return z.int().min(1, constraint.min(1)).max(max, constraint.max(max));
}

export const NextTokenSchema = z.string().min(1, constraint.minLength(1));

const TAG_KEY_PATTERN = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]+)$/u;
const TAG_VALUE_PATTERN = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;

export const TagKeySchema = z
  .string()
  .min(1, constraint.minLength(1))
  .max(128, constraint.maxLength(128))
  .regex(TAG_KEY_PATTERN, constraint.pattern(TAG_KEY_PATTERN));

/** A tag map: 1 to 50 entries (the model's Tags shape). */
export const TagsSchema = z
  .record(TagKeySchema, z.string().max(256, constraint.maxLength(256)).regex(TAG_VALUE_PATTERN, constraint.pattern(TAG_VALUE_PATTERN)))
  .refine((tags) => Object.keys(tags).length >= 1, constraint.minLength(1))
  .refine((tags) => Object.keys(tags).length <= 50, constraint.maxLength(50));

export const TagKeyListSchema = z.array(TagKeySchema).min(1, constraint.minLength(1)).max(50, constraint.maxLength(50));

/**
 * The log group an action names by `logGroupName` or `logGroupIdentifier`
 * (a name or ARN). Both at once is a ValidationException with AWS's wording
 * (LocalStack parity snapshot `test_describe_log_streams_with_log_group_identifier`).
 */
export function requireNamedGroup(
  store: LogStore,
  request: { logGroupName?: string | undefined; logGroupIdentifier?: string | undefined },
): LogGroup {
  if (request.logGroupName !== undefined && request.logGroupIdentifier !== undefined) {
    throw new ValidationException('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  if (request.logGroupName !== undefined) {
    return store.requireGroup(request.logGroupName);
  }
  if (request.logGroupIdentifier === undefined) {
    throw new InvalidParameterException('Either logGroupName or logGroupIdentifier must be specified.');
  }
  return store.requireGroup(logGroupNameOf(store.location, request.logGroupIdentifier));
}
