import path from 'node:path';
import * as z from 'zod';
import { repoRoot } from '../topology/loadTopology.ts';
import { BackendSettingError } from './errors.ts';

/** Where the aws backend expects `terraform -chdir=terraform output -json` by default (.drone.yml writes it there). */
export const defaultTerraformOutputsFile = path.join(repoRoot, '.fanout', 'terraform-outputs.json');
/** Where the `terraform` service of compose/docker-compose.yml writes its outputs. */
export const composeTerraformOutputsFile = path.join(repoRoot, '.fanout', 'outputs.json');

/** The value of `name` when set and not blank. */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** An http(s) URL from `name`, or `fallback`; a malformed value is a clear error naming the variable. */
export function envUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string;
export function envUrl(env: NodeJS.ProcessEnv, name: string): string | undefined;
export function envUrl(env: NodeJS.ProcessEnv, name: string, fallback?: string): string | undefined {
  const value = envValue(env, name) ?? fallback;
  if (value === undefined) return undefined;
  if (!z.url({ protocol: /^https?$/ }).safeParse(value).success) {
    throw new BackendSettingError(`${name} must be an http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

/** `FANOUT_TF_OUTPUTS` resolved against the working directory, or `fallback`. */
export function terraformOutputsFileFromEnv(env: NodeJS.ProcessEnv, options: { cwd?: string; fallback?: string } = {}): string {
  const value = envValue(env, 'FANOUT_TF_OUTPUTS');
  return value === undefined ? (options.fallback ?? defaultTerraformOutputsFile) : path.resolve(options.cwd ?? process.cwd(), value);
}
