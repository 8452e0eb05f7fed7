import { InvalidParameterValueException, ResourceNotFoundException } from './errors.ts';

/** Where the service lives: every ARN it prints is built from these. */
export interface ServiceLocation {
  region: string;
  accountId: string;
}

export function functionArn(location: ServiceLocation, name: string): string {
  return `arn:aws:lambda:${location.region}:${location.accountId}:function:${name}`;
}

export function eventSourceMappingArn(location: ServiceLocation, uuid: string): string {
  return `arn:aws:lambda:${location.region}:${location.accountId}:event-source-mapping:${uuid}`;
}

/** The parts of a FunctionName, as AWS's (namespaced) FunctionName pattern groups them. */
const FUNCTION_REFERENCE =
  /^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?(?:(?<region>(?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):)?(?:(?<account>\d{12}):)?(?:function:)?(?<name>[a-zA-Z0-9-_.]+)(?::(?<qualifier>\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;

/** A FunctionName resolved: the function's name and, when one was given, its qualifier (only `$LATEST` exists). */
export interface FunctionReference {
  name: string;
  qualifier?: '$LATEST';
}

/**
 * Resolves a FunctionName as Lambda accepts it (name, `name:qualifier`,
 * partial ARN or full ARN, plus an optional Qualifier parameter). Only
 * `$LATEST` exists here: another qualifier or account is "Function not
 * found"; another region is "not reachable in this region"; a qualifier in
 * the name that the parameter contradicts is refused, as AWS words it
 * (LocalStack's AWS-recorded parity snapshots `TestLambdaFunction::test_function_arns` and
 * `::test_function_name_and_qualifier_validation`).
 */
export function parseFunctionReference(location: ServiceLocation, functionName: string, qualifier?: string): FunctionReference {
  const groups = FUNCTION_REFERENCE.exec(functionName)?.groups;
  const name = groups?.name;
  if (!groups || name === undefined) {
    throw ResourceNotFoundException.forFunction(functionName);
  }
  const region = groups.region ?? location.region;
  if (region !== location.region) {
    throw new ResourceNotFoundException(`Functions from '${region}' are not reachable in this region ('${location.region}')`);
  }
  const embedded = groups.qualifier;
  if (embedded !== undefined && qualifier !== undefined && embedded !== qualifier) {
    throw new InvalidParameterValueException('The derived qualifier from the function name does not match the specified qualifier.');
  }
  const wanted = qualifier ?? embedded;
  const accountId = groups.account ?? location.accountId;
  if (accountId !== location.accountId || (wanted !== undefined && wanted !== '$LATEST')) {
    const arn = functionArn({ region, accountId }, name);
    throw ResourceNotFoundException.forFunction(wanted === undefined ? arn : `${arn}:${wanted}`);
  }
  return wanted === undefined ? { name } : { name, qualifier: wanted };
}

/** The bare function name a FunctionName (and Qualifier) refers to; see `parseFunctionReference`. */
export function resolveFunctionName(location: ServiceLocation, functionName: string, qualifier?: string): string {
  return parseFunctionReference(location, functionName, qualifier).name;
}

const SQS_ARN = /^arn:aws[a-zA-Z-]*:sqs:([a-z0-9-]+):(\d{12}):([a-zA-Z0-9_-]{1,80}(?:\.fifo)?)$/;

/** The parts of an SQS queue ARN, or undefined when it is not one. */
export function parseSqsArn(arn: string): { region: string; accountId: string; queueName: string } | undefined {
  const match = SQS_ARN.exec(arn);
  if (!match) {
    return undefined;
  }
  const [, region = '', accountId = '', queueName = ''] = match;
  return { region, accountId, queueName };
}
