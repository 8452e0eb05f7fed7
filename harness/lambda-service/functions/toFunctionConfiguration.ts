import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { logGroupName } from '../environments/environmentVariables.ts';
import type { FunctionRecord } from './FunctionStore.ts';

/**
 * A function as Lambda describes it. `transition` is what a mutating call
 * answers with (Lambda reports Pending / InProgress there; this service
 * has finished the work by then, so later reads say Active / Successful).
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
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: fn.revisionId,
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    LoggingConfig: { LogFormat: 'Text', LogGroup: logGroupName(fn.name) },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    ...(transition === 'creating'
      ? { State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' }
      : { State: 'Active' }),
    ...(transition === 'updating'
      ? { LastUpdateStatus: 'InProgress', LastUpdateStatusReason: 'The function is being created.' }
      : { LastUpdateStatus: 'Successful' }),
  } satisfies FunctionConfiguration;
}
