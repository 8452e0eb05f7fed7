import { InvalidParameterException } from './errors.ts';

/** The ARN forms CloudWatch Logs uses for log groups and streams. */
export interface Location {
  readonly region: string;
  readonly accountId: string;
}

/** `arn:aws:logs:<region>:<account>:log-group:<name>` (DescribeLogGroups' `logGroupArn`, what tagging takes). */
export function logGroupArn(location: Location, name: string): string {
  return `arn:aws:logs:${location.region}:${location.accountId}:log-group:${name}`;
}

/** `...:log-group:<group>:log-stream:<stream>` (DescribeLogStreams' `arn`). */
export function logStreamArn(location: Location, groupName: string, streamName: string): string {
  return `${logGroupArn(location, groupName)}:log-stream:${streamName}`;
}

const GROUP_ARN = /^arn:aws[a-z-]*:logs:([a-z0-9-]*):(\d{12}):log-group:([.\-_/#A-Za-z0-9]+)(?::\*)?$/;

/**
 * The log group name of a log group ARN, with or without the `:*` suffix
 * DescribeLogGroups' `arn` carries (the Terraform provider trims it, others
 * pass it as is). An ARN of another region or account names no group here.
 */
export function parseLogGroupArn(location: Location, arn: string): { name: string; here: boolean } {
  const match = GROUP_ARN.exec(arn);
  if (!match) {
    throw new InvalidParameterException(`Invalid resource ARN: ${arn}`);
  }
  const [, region = '', accountId = '', name = ''] = match;
  return { name, here: region === location.region && accountId === location.accountId };
}

/** A `logGroupIdentifier`: a log group name, or its ARN (with or without `:*`). */
export function logGroupNameOf(location: Location, identifier: string): string | undefined {
  if (!identifier.startsWith('arn:')) {
    return identifier;
  }
  const { name, here } = parseLogGroupArn(location, identifier);
  return here ? name : undefined;
}
