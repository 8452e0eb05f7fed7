import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { BackendSettingError } from '../backends/errors.ts';

/** Where `terraform init/apply/output` runs: a binary on this machine, or the pinned image on the stack's network. */
export type TerraformRunnerChoice =
  | { kind: 'host'; binary: string }
  | { kind: 'container'; image: string };

export interface ChooseTerraformRunnerOptions {
  /** `auto`, `container`, or a binary name or path (`FANOUT_TERRAFORM`). */
  preference: string;
  image: string;
  env?: NodeJS.ProcessEnv;
  isExecutable?: (file: string) => boolean;
}

/** Host binaries tried, in order, when the preference is `auto`. */
export const hostTerraformBinaries = ['terraform', 'tofu'] as const;

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The full path of `name` on PATH, like `command -v`. */
export function findOnPath(name: string, options: { env?: NodeJS.ProcessEnv; isExecutable?: (file: string) => boolean } = {}): string | undefined {
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const dirs = (options.env?.PATH ?? process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  return dirs.map((dir) => path.join(dir, name)).find((file) => isExecutable(file));
}

/** Prefers a host `terraform`, then `tofu`, then the container; `FANOUT_TERRAFORM` can force either. */
export function chooseTerraformRunner(options: ChooseTerraformRunnerOptions): TerraformRunnerChoice {
  const lookup = { ...(options.env ? { env: options.env } : {}), ...(options.isExecutable ? { isExecutable: options.isExecutable } : {}) };
  const preference = options.preference.trim() || 'auto';
  if (preference === 'container') return { kind: 'container', image: options.image };
  if (preference === 'auto') {
    for (const name of hostTerraformBinaries) {
      const binary = findOnPath(name, lookup);
      if (binary) return { kind: 'host', binary };
    }
    return { kind: 'container', image: options.image };
  }
  const binary = preference.includes('/')
    ? ((options.isExecutable ?? isExecutableFile)(preference) ? preference : undefined)
    : findOnPath(preference, lookup);
  if (!binary) {
    throw new BackendSettingError(`FANOUT_TERRAFORM=${preference}: no such executable${preference.includes('/') ? '' : ' on PATH'}; use auto, container, terraform or tofu`);
  }
  return { kind: 'host', binary };
}
