import { randomUUID } from 'node:crypto';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { functionArn, resolveFunctionName } from '../arns.ts';
import { InvalidParameterValueException, ResourceConflictException } from '../errors.ts';
import { lambdaTimestamp, type FunctionRecord } from '../functions/FunctionStore.ts';
import { defaultLoggingConfig, resolveLoggingConfig } from '../functions/resolveLoggingConfig.ts';
import { toFunctionConfiguration } from '../functions/toFunctionConfiguration.ts';
import { constraint, parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import {
  ArchitecturesSchema,
  checkFunctionNameLength,
  checkRuntime,
  checkTagCount,
  checkVariables,
  DeadLetterConfigSchema,
  EnvironmentSchema,
  EphemeralStorageSchema,
  FunctionNameParam,
  LoggingConfigSchema,
  MemorySizeSchema,
  SnapStartSchema,
  TagsSchema,
  TimeoutSchema,
  TracingConfigSchema,
  ZipFileSchema,
} from './commonSchemas.ts';

const ROLE_PATTERN = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;

const CreateFunctionInput = z.object({
  FunctionName: FunctionNameParam,
  Role: z.string().regex(ROLE_PATTERN, constraint.pattern(ROLE_PATTERN)),
  Runtime: z.string().optional(),
  Handler: z.string().max(128, constraint.maxLength(128)).regex(/^[^\s]+$/, constraint.pattern(/^[^\s]+$/)).optional(),
  Code: z.object({
    ZipFile: ZipFileSchema.optional(),
    S3Bucket: z.string().optional(),
    S3Key: z.string().optional(),
    ImageUri: z.string().optional(),
  }),
  Description: z.string().max(256, constraint.maxLength(256)).optional(),
  Timeout: TimeoutSchema.optional(),
  MemorySize: MemorySizeSchema.optional(),
  Environment: EnvironmentSchema.optional(),
  PackageType: z.enum(['Zip', 'Image'], constraint.enumOf(['Zip', 'Image'])).optional(),
  Architectures: ArchitecturesSchema.optional(),
  EphemeralStorage: EphemeralStorageSchema.optional(),
  TracingConfig: TracingConfigSchema.optional(),
  LoggingConfig: LoggingConfigSchema.optional(),
  SnapStart: SnapStartSchema.optional(),
  DeadLetterConfig: DeadLetterConfigSchema.optional(),
  KMSKeyArn: z.string().optional(),
  Tags: TagsSchema.optional(),
});

/**
 * CreateFunction: a Node function from a zip (Code.ZipFile). Members this
 * service only reports (Architectures, EphemeralStorage, TracingConfig,
 * SnapStart, DeadLetterConfig, KMSKeyArn) are kept and answered back as
 * Lambda does; members it does not know (Layers, VpcConfig, ...) are ignored.
 */
export async function createFunction(input: unknown, ctx: ActionContext<'location' | 'functions' | 'code'>): Promise<FunctionConfiguration> {
  const request = parseInput(CreateFunctionInput, input);
  const name = resolveFunctionName(ctx.location, request.FunctionName);
  checkFunctionNameLength(request.FunctionName, name);
  if (request.PackageType === 'Image' || request.Code.ImageUri !== undefined) {
    throw new InvalidParameterValueException('Container images are not supported by the embedded Lambda service; use Code.ZipFile.');
  }
  if (!request.Runtime || !request.Handler) {
    throw new InvalidParameterValueException('Runtime and Handler are mandatory parameters for functions created with deployment packages.');
  }
  if (!request.Code.ZipFile) {
    throw new InvalidParameterValueException('Only Code.ZipFile is supported by the embedded Lambda service.');
  }
  const runtime = checkRuntime(request.Runtime);
  const variables = request.Environment ? checkVariables(request.Environment.Variables) : undefined;
  const tags = checkTagCount(request.Tags ?? {});
  const loggingConfig = resolveLoggingConfig(defaultLoggingConfig(name), request.LoggingConfig ?? {});
  if (!ctx.functions.reserve(name)) {
    throw new ResourceConflictException(`Function already exist: ${name}`);
  }
  let record: FunctionRecord | undefined;
  try {
    const code = await ctx.code.store(name, request.Code.ZipFile);
    record = {
      name,
      arn: functionArn(ctx.location, name),
      runtime,
      handler: request.Handler,
      role: request.Role,
      description: request.Description ?? '',
      timeout: request.Timeout ?? 3,
      memorySize: request.MemorySize ?? 128,
      ...(variables ? { variables } : {}),
      code,
      lastModified: lambdaTimestamp(),
      revisionId: randomUUID(),
      generation: 1,
      loggingConfig,
      architectures: request.Architectures ?? ['x86_64'],
      ephemeralStorageSize: request.EphemeralStorage?.Size ?? 512,
      tracingMode: request.TracingConfig?.Mode ?? 'PassThrough',
      snapStartApplyOn: request.SnapStart?.ApplyOn ?? 'None',
      ...(request.DeadLetterConfig?.TargetArn ? { deadLetterTargetArn: request.DeadLetterConfig.TargetArn } : {}),
      ...(request.KMSKeyArn ? { kmsKeyArn: request.KMSKeyArn } : {}),
      tags,
    };
  } finally {
    ctx.functions.release(name, record);
  }
  const answer = toFunctionConfiguration(record, { transition: 'creating' });
  ctx.functions.settle(name);
  return { ...answer } satisfies FunctionConfiguration;
}
