import { randomUUID } from 'node:crypto';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { lambdaTimestamp, type FunctionRecord } from '../functions/FunctionStore.ts';
import { resolveLoggingConfig } from '../functions/resolveLoggingConfig.ts';
import { toFunctionConfiguration } from '../functions/toFunctionConfiguration.ts';
import { constraint, parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireFunction } from './requireFunction.ts';
import {
  checkRuntime,
  checkVariables,
  DeadLetterConfigSchema,
  EnvironmentSchema,
  EphemeralStorageSchema,
  FunctionNameParam,
  LoggingConfigSchema,
  MemorySizeSchema,
  SnapStartSchema,
  TimeoutSchema,
  TracingConfigSchema,
} from './commonSchemas.ts';

const UpdateFunctionConfigurationInput = z.object({
  FunctionName: FunctionNameParam,
  Role: z.string().optional(),
  Handler: z.string().max(128, constraint.maxLength(128)).regex(/^[^\s]+$/, constraint.pattern(/^[^\s]+$/)).optional(),
  Description: z.string().max(256, constraint.maxLength(256)).optional(),
  Timeout: TimeoutSchema.optional(),
  MemorySize: MemorySizeSchema.optional(),
  Environment: EnvironmentSchema.optional(),
  Runtime: z.string().optional(),
  RevisionId: z.string().optional(),
  LoggingConfig: LoggingConfigSchema.optional(),
  TracingConfig: TracingConfigSchema.optional(),
  EphemeralStorage: EphemeralStorageSchema.optional(),
  SnapStart: SnapStartSchema.optional(),
  DeadLetterConfig: DeadLetterConfigSchema.optional(),
  KMSKeyArn: z.string().optional(),
});

/**
 * UpdateFunctionConfiguration: Timeout, MemorySize, Environment (replaced
 * as a whole, like Lambda), Handler, Runtime, Description, Role,
 * LoggingConfig (merged into the current one), and the members this service
 * only reports (TracingConfig, EphemeralStorage, SnapStart, DeadLetterConfig,
 * KMSKeyArn; an empty ARN removes the last two). Running environments are
 * retired; new ones start with the new configuration.
 */
export async function updateFunctionConfiguration(input: unknown, ctx: ActionContext<'location' | 'functions'>): Promise<FunctionConfiguration> {
  const request = parseInput(UpdateFunctionConfigurationInput, input);
  const { name, fn } = requireFunction(ctx, request.FunctionName, { revisionId: request.RevisionId });
  const { deadLetterTargetArn: _dlq, kmsKeyArn: _kms, variables: _variables, ...rest } = fn;
  const variables = request.Environment ? checkVariables(request.Environment.Variables) : fn.variables;
  const deadLetterTargetArn = request.DeadLetterConfig ? request.DeadLetterConfig.TargetArn : fn.deadLetterTargetArn;
  const kmsKeyArn = request.KMSKeyArn ?? fn.kmsKeyArn;
  const updated: FunctionRecord = {
    ...rest,
    role: request.Role ?? fn.role,
    handler: request.Handler ?? fn.handler,
    description: request.Description ?? fn.description,
    timeout: request.Timeout ?? fn.timeout,
    memorySize: request.MemorySize ?? fn.memorySize,
    ...(variables ? { variables } : {}),
    runtime: request.Runtime !== undefined ? checkRuntime(request.Runtime) : fn.runtime,
    loggingConfig: request.LoggingConfig ? resolveLoggingConfig(fn.loggingConfig, request.LoggingConfig) : fn.loggingConfig,
    tracingMode: request.TracingConfig?.Mode ?? fn.tracingMode,
    ephemeralStorageSize: request.EphemeralStorage?.Size ?? fn.ephemeralStorageSize,
    snapStartApplyOn: request.SnapStart ? (request.SnapStart.ApplyOn ?? 'None') : fn.snapStartApplyOn,
    ...(deadLetterTargetArn ? { deadLetterTargetArn } : {}),
    ...(kmsKeyArn ? { kmsKeyArn } : {}),
    lastModified: lambdaTimestamp(),
    revisionId: randomUUID(),
    generation: fn.generation + 1,
  };
  ctx.functions.put(updated);
  const answer = toFunctionConfiguration(updated, { transition: 'updating' });
  ctx.functions.settle(name);
  return { ...answer } satisfies FunctionConfiguration;
}
