import { createHash } from 'node:crypto';
import type { FunctionConfiguration, LastUpdateStatusReasonCode } from '@aws-sdk/client-lambda';
import type { FunctionRecord } from './FunctionStore.ts';
import { parseArn } from '../../aws/arn.ts';

export interface ConfigurationView {
  /**
   * What a mutating call answers with: CreateFunction reports State Pending and
   * no LastUpdateStatus, an update LastUpdateStatus InProgress. This service
   * finishes the work at once, under a new RevisionId, so later reads say
   * Active / Successful (what the SDK's and Terraform's waiters poll for).
   */
  transition?: 'creating' | 'updating';
  /** The function was named with `:$LATEST` (name, ARN or Qualifier): its ARN keeps the qualifier. */
  qualified?: boolean;
  /** ListFunctions and ListVersionsByFunction entries carry no State, LastUpdateStatus nor RuntimeVersionConfig. */
  listed?: boolean;
}

/**
 * A function as Lambda describes it (LocalStack's AWS-recorded parity snapshots
 * `TestLambdaFunction::test_function_lifecycle`, `::test_list_functions`,
 * `::test_lambda_code_location_zipfile` and `TestLambdaVersions::test_version_lifecycle`
 * of test_lambda_api): no Environment for a function never given one, a
 * RuntimeVersionConfig outside lists.
 */
export function toFunctionConfiguration(fn: FunctionRecord, view: ConfigurationView = {}): FunctionConfiguration {
  const { transition, qualified = false, listed = false } = view;
  return {
    FunctionName: fn.name,
    FunctionArn: qualified ? `${fn.arn}:$LATEST` : fn.arn,
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
    ...(fn.variables ? { Environment: { Variables: { ...fn.variables } } } : {}),
    TracingConfig: { Mode: fn.tracingMode },
    RevisionId: fn.revisionId,
    PackageType: 'Zip',
    Architectures: [...fn.architectures],
    EphemeralStorage: { Size: fn.ephemeralStorageSize },
    LoggingConfig: { ...fn.loggingConfig },
    SnapStart: { ApplyOn: fn.snapStartApplyOn, OptimizationStatus: 'Off' },
    ...(fn.deadLetterTargetArn ? { DeadLetterConfig: { TargetArn: fn.deadLetterTargetArn } } : {}),
    ...(fn.kmsKeyArn ? { KMSKeyArn: fn.kmsKeyArn } : {}),
    ...(listed ? {} : { RuntimeVersionConfig: { RuntimeVersionArn: runtimeVersionArn(fn) }, ...states(transition) }),
  } satisfies FunctionConfiguration;
}

function states(transition: ConfigurationView['transition']): Partial<FunctionConfiguration> {
  if (transition === 'creating') {
    return { State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' };
  }
  if (transition === 'updating') {
    return {
      State: 'Active',
      LastUpdateStatus: 'InProgress',
      LastUpdateStatusReason: 'The function is being created.',
      // AWS answers `Creating` here, a value its API model's enum does not list.
      LastUpdateStatusReasonCode: 'Creating' as LastUpdateStatusReasonCode,
    };
  }
  return { State: 'Active', LastUpdateStatus: 'Successful' };
}

/**
 * `arn:aws:lambda:<region>::runtime:<64 hex>`, the shape AWS reports; the
 * hash stands for the runtime's version, so it changes with the runtime.
 */
function runtimeVersionArn(fn: FunctionRecord): string {
  const region = parseArn(fn.arn)?.region ?? '';
  return `arn:aws:lambda:${region}::runtime:${createHash('sha256').update(fn.runtime).digest('hex')}`;
}
