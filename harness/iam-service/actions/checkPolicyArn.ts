import { parsePolicyArn } from '../arns.ts';
import { ValidationError } from '../queryErrors.ts';

/**
 * A PolicyArn parameter must be a policy ARN: anything else is a
 * ValidationError "ARN <text> is not valid." (LocalStack `test_role_managed_policy_errors`).
 */
export function checkPolicyArn(arn: string): { account: string; path: string; name: string } {
  const parsed = parsePolicyArn(arn);
  if (!parsed) {
    throw new ValidationError(`ARN ${arn} is not valid.`);
  }
  return parsed;
}
