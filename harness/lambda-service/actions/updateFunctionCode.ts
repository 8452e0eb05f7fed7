import { randomUUID } from 'node:crypto';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { InvalidParameterValueException, ResourceNotFoundException } from '../errors.ts';
import { lambdaTimestamp } from '../functions/FunctionStore.ts';
import { toFunctionConfiguration } from '../functions/toFunctionConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireFunction } from './requireFunction.ts';
import { ArchitecturesSchema, FunctionNameParam, ZipFileSchema } from './commonSchemas.ts';

const UpdateFunctionCodeInput = z.object({
  FunctionName: FunctionNameParam,
  ZipFile: ZipFileSchema.optional(),
  S3Bucket: z.string().optional(),
  ImageUri: z.string().optional(),
  DryRun: z.boolean().optional(),
  RevisionId: z.string().optional(),
  Architectures: ArchitecturesSchema.optional(),
});

/** UpdateFunctionCode (ZipFile, and Architectures, which are only reported): a new code version; running environments are retired. */
export async function updateFunctionCode(input: unknown, ctx: ActionContext<'location' | 'functions' | 'code'>): Promise<FunctionConfiguration> {
  const request = parseInput(UpdateFunctionCodeInput, input);
  const { name, fn } = requireFunction(ctx, request.FunctionName, { revisionId: request.RevisionId });
  if (!request.ZipFile) {
    throw new InvalidParameterValueException('Only ZipFile is supported by the embedded Lambda service.');
  }
  if (request.DryRun) {
    return { ...toFunctionConfiguration(fn) } satisfies FunctionConfiguration;
  }
  const code = await ctx.code.store(name, request.ZipFile);
  const current = ctx.functions.get(name);
  if (!current) {
    throw ResourceNotFoundException.forFunction(fn.arn);
  }
  const updated = {
    ...current,
    code,
    architectures: request.Architectures ?? current.architectures,
    lastModified: lambdaTimestamp(),
    revisionId: randomUUID(),
    generation: current.generation + 1,
  };
  // Environments of the older code retire and its unused versions go (the store's subscribers, startLambdaService.ts).
  ctx.functions.put(updated);
  const answer = toFunctionConfiguration(updated, { transition: 'updating' });
  ctx.functions.settle(name);
  return { ...answer } satisfies FunctionConfiguration;
}
