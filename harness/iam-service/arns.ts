/** ARN of a role: `arn:aws:iam::<account>:role<path><name>` (the path starts and ends with `/`). */
export function roleArn(accountId: string, path: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role${path}${roleName}`;
}

/** ARN of a customer managed policy: `arn:aws:iam::<account>:policy<path><name>`. */
export function policyArn(accountId: string, path: string, policyName: string): string {
  return `arn:aws:iam::${accountId}:policy${path}${policyName}`;
}

const POLICY_ARN = /^arn:[\w-]+:iam::(?<account>\d{12}|aws):policy(?<path>\/(?:[\u0021-\u007E]*\/)?)(?<name>[\w+=,.@-]+)$/u;

/** The parts of a policy ARN, or `undefined` when the text is not one. */
export function parsePolicyArn(arn: string): { account: string; path: string; name: string } | undefined {
  const groups = POLICY_ARN.exec(arn)?.groups;
  if (groups?.account === undefined || groups.path === undefined || groups.name === undefined) {
    return undefined;
  }
  return { account: groups.account, path: groups.path, name: groups.name };
}

/**
 * AWS managed policies (`arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`) exist in
 * every account; this service has no catalogue of them, so it lets them be attached without a lookup.
 */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return parsePolicyArn(arn)?.account === 'aws';
}
