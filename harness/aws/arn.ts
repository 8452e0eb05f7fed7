/** The parts of an ARN: `arn:partition:service:region:account-id:resource`. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

/**
 * Parses an ARN, the one parser of the house; undefined when it has fewer than six parts, no `arn:` head,
 * or no partition or service (what SNS calls "an invalid arn").
 */
export function parseArn(value: string): Arn | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', accountId = ''] = parts;
  if (!partition || !service) return undefined;
  return { partition, service, region, accountId, resource: parts.slice(5).join(':') };
}
