import { ResourceNotFoundException } from './errors.ts';

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

const FULL_ARN = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9$_-]+))?$/;
const PARTIAL_ARN = /^(\d{12}):function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9$_-]+))?$/;
const NAME_WITH_QUALIFIER = /^([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9$_-]+))?$/;

/**
 * Resolves a FunctionName as Lambda accepts it (name, `name:qualifier`,
 * partial ARN or full ARN) to the bare function name. Only `$LATEST` exists
 * here: another qualifier, region or account is "Function not found".
 */
export function resolveFunctionName(location: ServiceLocation, functionName: string, qualifier?: string): string {
  let name: string | undefined;
  let embeddedQualifier: string | undefined;
  let region = location.region;
  let accountId = location.accountId;
  const full = FULL_ARN.exec(functionName);
  const partial = full ? null : PARTIAL_ARN.exec(functionName);
  const plain = full || partial ? null : NAME_WITH_QUALIFIER.exec(functionName);
  if (full) {
    [, region = '', accountId = '', name, embeddedQualifier] = full;
  } else if (partial) {
    [, accountId = '', name, embeddedQualifier] = partial;
  } else if (plain) {
    [, name, embeddedQualifier] = plain;
  }
  const wanted = qualifier ?? embeddedQualifier;
  if (
    name === undefined ||
    region !== location.region ||
    accountId !== location.accountId ||
    (wanted !== undefined && wanted !== '$LATEST')
  ) {
    const arn = name === undefined ? functionName : functionArn({ region, accountId }, name);
    throw ResourceNotFoundException.forFunction(wanted === undefined ? arn : `${arn}:${wanted}`);
  }
  return name;
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
