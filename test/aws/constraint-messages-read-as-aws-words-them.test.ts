import { describe, expect, it } from '@jest/globals';
import { constraint, constraintFailure, validationErrors } from '../../harness/aws/constraintMessages.ts';

// Wording recorded on AWS: LocalStack parity snapshots `TestLambdaFunction::test_create_lambda_exceptions`,
// `test_logs_events.py::test_get_log_events_limit_validation` and `test_iam_roles.snapshot.json`.
describe('the validation wording AWS services share', () => {
  it('words one broken constraint with its value and member', () => {
    expect(validationErrors([constraintFailure({ value: "'10001'", member: 'limit', message: constraint.max(10000).message })])).toBe(
      "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
  });

  it('joins several under their count, and prints no value where AWS prints none', () => {
    expect(
      validationErrors([
        constraintFailure({ value: 'null', member: 'roleArn', message: constraint.notNull.message }),
        constraintFailure({ member: 'tags.1.member.key', message: constraint.maxLength(128).message }),
      ]),
    ).toBe(
      "2 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null; Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128",
    );
  });

  it('counts what it does not list', () => {
    expect(validationErrors(['a', 'b'], { total: 12, suffix: '; and 10 more' })).toBe('12 validation errors detected: a; b; and 10 more');
  });
});
