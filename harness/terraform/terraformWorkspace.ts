import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Written into the copied module: the throwaway emulator state (LocalStack, the embedded stack, a plan check)
 * stays in the workspace, whatever backend `terraform/` configures for AWS. A `*_override.tf` file replaces
 * the backend without editing the module.
 */
export const backendOverrideFile = 'fanout_local_backend_override.tf';
export const backendOverride = `# Written by harness/terraform: emulator state is local and thrown away with the workspace.
terraform {
  backend "local" {}
}
`;

/** A copy of `terraform/` and `dist/lambdas/` laid out as in the repository, so `lambda_dist_dir` keeps its default. */
export interface TerraformWorkspacePlan {
  /** Absolute sources, destinations relative to the workspace root. */
  copies: { from: string; to: string }[];
  /** Generated files, relative to the workspace root. */
  files: { path: string; content: string }[];
  /** The root module, relative to the workspace root. */
  terraformDir: string;
  /** `-var-file` values relative to the root module, in overlay order. */
  varFiles: string[];
}

export interface PlanTerraformWorkspaceOptions {
  repoRoot: string;
  /** Absolute (or cwd-relative) tfvars overlays, e.g. the fast-timers profile. */
  overlays?: readonly string[];
}

/** Decides what the workspace holds; touches no file. */
export function planTerraformWorkspace(options: PlanTerraformWorkspaceOptions): TerraformWorkspacePlan {
  const terraformSource = path.join(options.repoRoot, 'terraform');
  const copies = [
    { from: terraformSource, to: 'terraform' },
    { from: path.join(options.repoRoot, 'dist', 'lambdas'), to: path.join('dist', 'lambdas') },
  ];
  const varFiles = (options.overlays ?? []).map((overlay, index) => {
    const absolute = path.resolve(overlay);
    const inModule = path.relative(terraformSource, absolute);
    if (!inModule.startsWith('..') && !path.isAbsolute(inModule)) return inModule.split(path.sep).join('/');
    // Outside the module: copied in under a name that Terraform does not load by itself (*.auto.tfvars would be).
    const name = `fanout-overlay-${index + 1}${absolute.endsWith('.json') ? '.tfvars.json' : '.tfvars'}`;
    copies.push({ from: absolute, to: path.join('terraform', name) });
    return name;
  });
  return {
    copies,
    files: [{ path: path.join('terraform', backendOverrideFile), content: backendOverride }],
    terraformDir: 'terraform',
    varFiles,
  };
}

/** Local state, plugins and lock info of a developer's own runs must not leak into a throwaway workspace. */
export function isCopiedIntoWorkspace(file: string): boolean {
  const parts = file.split(path.sep);
  if (parts.includes('.terraform')) return false;
  const name = parts.at(-1) ?? '';
  // A developer's lock file pins the provider they installed, which the workspace's source may not have.
  return !/\.tfstate(\.|$)/.test(name) && !name.endsWith('.tfplan') && name !== '.terraform.lock.hcl';
}

/** Creates the planned workspace under `dir`. */
export async function materializeTerraformWorkspace(plan: TerraformWorkspacePlan, dir: string): Promise<void> {
  for (const copy of plan.copies) {
    const target = path.join(dir, copy.to);
    await mkdir(path.dirname(target), { recursive: true });
    await cp(copy.from, target, { recursive: true, filter: (source) => isCopiedIntoWorkspace(source) });
  }
  for (const file of plan.files) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.content);
  }
}
