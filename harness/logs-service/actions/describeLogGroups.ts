import type { DescribeLogGroupsResponse, LogGroup as LogGroupShape } from '@aws-sdk/client-cloudwatch-logs';
import * as z from 'zod';
import { logGroupNameOf } from '../arns.ts';
import { InvalidParameterException } from '../errors.ts';
import { LOG_GROUP_CLASSES, type LogGroup } from '../LogGroup.ts';
import type { LogStore } from '../LogStore.ts';
import { pageAfter } from '../pagination.ts';
import { constraint, parseInput } from '../validation.ts';
import { limitSchema, LogGroupIdentifierSchema, NextTokenSchema } from './commonSchemas.ts';

const DescribeLogGroupsInput = z.object({
  logGroupNamePrefix: z.string().min(1, constraint.minLength(1)).max(512, constraint.maxLength(512)).optional(),
  logGroupNamePattern: z.string().max(512, constraint.maxLength(512)).optional(),
  logGroupIdentifiers: z.array(LogGroupIdentifierSchema).min(1, constraint.minLength(1)).max(50, constraint.maxLength(50)).optional(),
  logGroupClass: z.enum(LOG_GROUP_CLASSES, constraint.enumOf(LOG_GROUP_CLASSES)).optional(),
  nextToken: NextTokenSchema.optional(),
  limit: limitSchema(50).optional(),
  // Cross-account observability does not exist here: accepted, ignored.
  includeLinkedAccounts: z.boolean().optional(),
  accountIdentifiers: z.array(z.string()).optional(),
});

/**
 * DescribeLogGroups in name order, 50 a page: by prefix, by a case-sensitive
 * substring pattern (then without storedBytes, as AWS answers: LocalStack
 * parity snapshot `test_describe_log_groups_with_pattern`), by identifiers.
 */
export function describeLogGroups(input: unknown, store: LogStore): DescribeLogGroupsResponse {
  const request = parseInput(DescribeLogGroupsInput, input);
  const { logGroupNamePrefix: prefix, logGroupNamePattern: pattern } = request;
  if (prefix !== undefined && pattern !== undefined) {
    throw new InvalidParameterException('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  }
  const wanted = request.logGroupIdentifiers?.map((identifier) => logGroupNameOf(store.location, identifier));
  const groups = store
    .groups()
    .filter((group) => prefix === undefined || group.name.startsWith(prefix))
    .filter((group) => pattern === undefined || group.name.includes(pattern))
    .filter((group) => wanted === undefined || wanted.includes(group.name))
    .filter((group) => request.logGroupClass === undefined || group.logGroupClass === request.logGroupClass);
  const { page, nextToken } = pageAfter(groups, (group) => [group.name], {
    nextToken: request.nextToken,
    limit: request.limit ?? 50,
  });
  return {
    logGroups: page.map((group) => describeGroup(group, { byPattern: pattern !== undefined })),
    ...(nextToken ? { nextToken } : {}),
  } satisfies DescribeLogGroupsResponse;
}

/** A log group as DescribeLogGroups shows it (`arn` with `:*`, `logGroupArn` without). */
export function describeGroup(group: LogGroup, options: { byPattern?: boolean } = {}): LogGroupShape {
  return {
    logGroupName: group.name,
    creationTime: group.creationTime,
    ...(group.retentionInDays !== undefined ? { retentionInDays: group.retentionInDays } : {}),
    metricFilterCount: 0,
    arn: `${group.arn}:*`,
    ...(options.byPattern ? {} : { storedBytes: group.storedBytes }),
    ...(group.kmsKeyId !== undefined ? { kmsKeyId: group.kmsKeyId } : {}),
    logGroupClass: group.logGroupClass,
    logGroupArn: group.arn,
    ...(options.byPattern ? {} : { deletionProtectionEnabled: group.deletionProtectionEnabled }),
  } satisfies LogGroupShape;
}
