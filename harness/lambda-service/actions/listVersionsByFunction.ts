import type { FunctionConfiguration, ListVersionsByFunctionResponse } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { toFunctionConfiguration } from '../functions/toFunctionConfiguration.ts';
import { constraint, parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { paginate } from './paginate.ts';
import { requireFunction } from './requireFunction.ts';
import { NamespacedFunctionNameParam } from './commonSchemas.ts';

const ListVersionsByFunctionInput = z.object({
  FunctionName: NamespacedFunctionNameParam,
  Marker: z.string().optional(),
  MaxItems: z.coerce.number().int().min(1, constraint.min(1)).max(10000, constraint.max(10000)).optional(),
});

/**
 * ListVersionsByFunction: only `$LATEST` exists here. Each version is listed
 * with its qualified ARN and without State / LastUpdateStatus (LocalStack
 * parity snapshot `TestLambdaVersions::test_version_lifecycle`); the
 * Terraform provider takes the last entry as `version` and `qualified_arn`.
 */
export async function listVersionsByFunction(input: unknown, ctx: ActionContext<'location' | 'functions'>): Promise<ListVersionsByFunctionResponse> {
  const request = parseInput(ListVersionsByFunctionInput, input);
  const { fn } = requireFunction(ctx, request.FunctionName);
  const versions: FunctionConfiguration[] = [toFunctionConfiguration(fn, { qualified: true, listed: true })];
  const { page, nextMarker } = paginate(versions, request.Marker, request.MaxItems ?? 50);
  return { Versions: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) } satisfies ListVersionsByFunctionResponse;
}
