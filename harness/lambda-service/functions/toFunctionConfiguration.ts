import type { FunctionConfiguration, LastUpdateStatusReasonCode } from '@aws-sdk/client-lambda';
import type { FunctionRecord } from './FunctionStore.ts';

/**
 * A function as Lambda describes it (LocalStack parity snapshot
 * `TestLambdaFunction::test_function_lifecycle` of test_lambda_api). `transition`
 * is what a mutating call answers with: CreateFunction reports State Pending
 * and no LastUpdateStatus, an update LastUpdateStatus InProgress; this
 * service has finished the work by then, so later reads say Active /
 * Successful, which is what the Terraform provider's waiters poll for.
 */
export function toFunctionConfiguration(
  fn: FunctionRecord,
  transition?: 'creating' | 'updating',
): FunctionConfiguration {
  return {
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    Runtime: fn.runtime as FunctionConfiguration['Runtime'],
    Role: fn.role,
    Handler: fn.handler,
    CodeSize: fn.code.size,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: fn.lastModified,
    CodeSha256: fn.code.sha256,
    Version: '$LATEST',
    Environment: { Variables: { ...fn.variables } },
    TracingConfig: { Mode: fn.tracingMode },
    RevisionId: fn.revisionId,
    PackageType: 'Zip',
    Architectures: [...fn.architectures],
    EphemeralStorage: { Size: fn.ephemeralStorageSize },
    LoggingConfig: { ...fn.loggingConfig },
    SnapStart: { ApplyOn: fn.snapStartApplyOn, OptimizationStatus: 'Off' },
    ...(fn.deadLetterTargetArn ? { DeadLetterConfig: { TargetArn: fn.deadLetterTargetArn } } : {}),
    ...(fn.kmsKeyArn ? { KMSKeyArn: fn.kmsKeyArn } : {}),
    ...(transition === 'creating'
      ? { State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' }
      : { State: 'Active' }),
    ...(transition === 'updating'
      ? {
          LastUpdateStatus: 'InProgress',
          LastUpdateStatusReason: 'The function is being created.',
          // AWS answers `Creating` here, a value its API model's enum does not list.
          LastUpdateStatusReasonCode: 'Creating' as LastUpdateStatusReasonCode,
        }
      : transition === 'creating'
        ? {}
        : { LastUpdateStatus: 'Successful' }),
  } satisfies FunctionConfiguration;
}
