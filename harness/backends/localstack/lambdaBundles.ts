import { existsSync } from 'node:fs';
import path from 'node:path';
import { LambdaBundlesMissingError } from './errors.ts';

export interface EnsureLambdaBundlesOptions {
  repoRoot: string;
  /** Bundles the topology needs, relative to the repository (`consumerResourceNames(...).zip`). */
  zips: readonly string[];
  /** Run `buildLambdas` from harness/build/buildLambdas.ts first. */
  build: boolean;
  buildLambdas?: () => Promise<unknown>;
}

async function buildWithScript(): Promise<unknown> {
  const { buildLambdas } = await import('../../build/buildLambdas.ts');
  return buildLambdas();
}

/** Builds the bundles Terraform uploads (unless told not to) and checks that every consumer has one. */
export async function ensureLambdaBundles(options: EnsureLambdaBundlesOptions): Promise<void> {
  if (options.build) await (options.buildLambdas ?? buildWithScript)();
  const missing = options.zips.filter((zip) => !existsSync(path.join(options.repoRoot, zip)));
  if (missing.length > 0) {
    throw new LambdaBundlesMissingError(`localstack backend needs the Lambda bundles ${missing.join(', ')}: run "npm run build:lambdas" (each consumer needs lambdas/<consumer>/handler.ts).`);
  }
}
