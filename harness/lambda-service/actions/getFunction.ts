import { pathToFileURL } from 'node:url';
import type { GetFunctionResponse } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { toFunctionConfiguration } from '../functions/toFunctionConfiguration.ts';
import { parseInput } from '../validation.ts';
import type { ActionContext } from './ActionContext.ts';
import { requireFunction } from './requireFunction.ts';
import { NamespacedFunctionNameParam, QualifierParam } from './commonSchemas.ts';

const GetFunctionInput = z.object({ FunctionName: NamespacedFunctionNameParam, Qualifier: QualifierParam.optional() });

/**
 * GetFunction: configuration, where the zip is (a file:// URL), the reserved
 * concurrency and the tags (absent when there are none, as in LocalStack's
 * parity snapshot `TestLambdaTags::test_tag_lifecycle`; the Terraform provider
 * reads a function's tags from here).
 */
export async function getFunction(input: unknown, ctx: ActionContext<'location' | 'functions'>): Promise<GetFunctionResponse> {
  const request = parseInput(GetFunctionInput, input);
  const { fn, qualified } = requireFunction(ctx, request.FunctionName, { qualifier: request.Qualifier });
  return {
    Configuration: toFunctionConfiguration(fn, { qualified }),
    Code: { RepositoryType: 'S3', Location: pathToFileURL(fn.code.zipPath).href },
    ...(fn.reservedConcurrency !== undefined ? { Concurrency: { ReservedConcurrentExecutions: fn.reservedConcurrency } } : {}),
    ...(Object.keys(fn.tags).length > 0 ? { Tags: { ...fn.tags } } : {}),
  } satisfies GetFunctionResponse;
}
