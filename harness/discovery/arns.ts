import { parseArn as parseAnyArn } from '../aws/arn.ts';
import { DiscoveryError } from './errors.ts';

/** The parts of an ARN that discovery needs: `arn:partition:service:region:account:resource`. */
export interface ParsedArn {
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

/** The parts of an ARN; throws a DiscoveryError when it is not one. */
export function parseArn(arn: string): ParsedArn {
  const parsed = parseAnyArn(arn);
  if (!parsed) throw new DiscoveryError(`"${arn}" is not an ARN`);
  const { service, region, accountId, resource } = parsed;
  return { service, region, accountId, resource };
}

/** `arn:aws:lambda:us-east-1:000000000000:function:name[:qualifier]` -> `name`. */
export function functionNameFromArn(arn: string): string {
  const { service, resource } = parseArn(arn);
  const [kind, name] = resource.split(':');
  if (service !== 'lambda' || kind !== 'function' || !name) throw new DiscoveryError(`"${arn}" is not a Lambda function ARN`);
  return name;
}
