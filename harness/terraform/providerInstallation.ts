import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The provider every configuration of this repository needs. */
export const awsProviderAddress = 'registry.terraform.io/hashicorp/aws';

/** The first hashicorp/aws release whose runtime list accepts `nodejs24.x`, the module's default. */
const firstReleaseWithNode24 = [6, 19, 0] as const;

/** What the functions run on when the provider predates `nodejs24.x` (the offline 5.100.0 mirror here). */
export const runtimeForOlderProviders = 'nodejs22.x';

/**
 * A Terraform CLI configuration that installs providers only from a filesystem mirror (a folder laid out
 * as `registry.terraform.io/hashicorp/aws/<version>/<os>_<arch>/`), for machines that reach no registry.
 */
export function mirrorCliConfig(mirrorDir: string): string {
  return `# Written by harness/terraform: providers come from this folder only, never from a registry.
provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(path.resolve(mirrorDir))}
    include = ["registry.terraform.io/*/*"]
  }
}
`;
}

/**
 * The environment that points terraform at the mirror named by `FANOUT_TF_PLUGIN_MIRROR`, writing its CLI
 * configuration into `workspaceDir`; without a mirror, terraform's own configuration (the registry) applies.
 */
export async function providerInstallationEnv(options: { mirrorDir: string | undefined; workspaceDir: string }): Promise<Record<string, string>> {
  if (!options.mirrorDir) return {};
  const file = path.join(options.workspaceDir, 'fanout-terraform.tfrc');
  await writeFile(file, mirrorCliConfig(options.mirrorDir));
  return { TF_CLI_CONFIG_FILE: file };
}

/** The hashicorp/aws version `terraform init` chose, read from the lock file it wrote in `moduleDir`. */
export async function installedAwsProviderVersion(moduleDir: string): Promise<string> {
  const lock = await readFile(path.join(moduleDir, '.terraform.lock.hcl'), 'utf8');
  const block = new RegExp(`provider "${awsProviderAddress.replaceAll('.', '\\.')}" \\{[^}]*?version\\s*=\\s*"([^"]+)"`).exec(lock);
  if (!block?.[1]) throw new Error(`terraform init wrote no ${awsProviderAddress} version into ${moduleDir}/.terraform.lock.hcl`);
  return block[1];
}

/** `-var` values the installed provider needs: `lambda_runtime` when it predates the module's default. */
export function providerVars(providerVersion: string): Record<string, string> {
  const parts = providerVersion.split(/[.-]/, 3).map(Number);
  for (const [index, minimum] of firstReleaseWithNode24.entries()) {
    const part = parts[index] ?? 0;
    if (part > minimum) return {};
    if (part < minimum) return { lambda_runtime: runtimeForOlderProviders };
  }
  return {};
}
