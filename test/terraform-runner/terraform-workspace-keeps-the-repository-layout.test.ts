import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  backendOverride,
  backendOverrideFile,
  materializeTerraformWorkspace,
  planTerraformWorkspace,
} from '../../harness/terraform/terraformWorkspace.ts';

describe('the Terraform workspace of a LocalStack deploy', () => {
  let scratch: string;
  let repo: string;
  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'fanout-workspace-'));
    repo = path.join(scratch, 'repo');
    await mkdir(path.join(repo, 'terraform', 'profiles'), { recursive: true });
    await mkdir(path.join(repo, 'terraform', '.terraform', 'providers'), { recursive: true });
    await mkdir(path.join(repo, 'dist', 'lambdas'), { recursive: true });
    await writeFile(path.join(repo, 'terraform', 'main.tf'), '# main\n');
    await writeFile(path.join(repo, 'terraform', 'profiles', 'fast-timers.tfvars.json'), '{}');
    await writeFile(path.join(repo, 'terraform', '.terraform', 'providers', 'aws'), 'binary');
    await writeFile(path.join(repo, 'terraform', 'terraform.tfstate'), '{"resources":["aws"]}');
    await writeFile(path.join(repo, 'terraform', 'terraform.tfstate.backup'), '{}');
    await writeFile(path.join(repo, 'dist', 'lambdas', 'order-processor.zip'), 'zip');
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('refers to overlays inside terraform/ by relative path and copies outside ones under names Terraform does not auto-load', () => {
    const outside = path.join(scratch, 'mine.auto.tfvars.json');

    const plan = planTerraformWorkspace({ repoRoot: repo, overlays: [path.join(repo, 'terraform', 'profiles', 'fast-timers.tfvars.json'), outside] });

    expect(plan.terraformDir).toBe('terraform');
    expect(plan.varFiles).toEqual(['profiles/fast-timers.tfvars.json', 'fanout-overlay-2.tfvars.json']);
    expect(plan.copies).toContainEqual({ from: outside, to: path.join('terraform', 'fanout-overlay-2.tfvars.json') });
  });

  it('copies terraform/ and dist/lambdas/ side by side, without local state or plugins, plus a local-backend override', async () => {
    const workspace = path.join(scratch, 'workspace');

    await materializeTerraformWorkspace(planTerraformWorkspace({ repoRoot: repo }), workspace);

    expect(existsSync(path.join(workspace, 'terraform', 'main.tf'))).toBe(true);
    expect(existsSync(path.join(workspace, 'terraform', 'profiles', 'fast-timers.tfvars.json'))).toBe(true);
    expect(existsSync(path.join(workspace, 'dist', 'lambdas', 'order-processor.zip'))).toBe(true);
    expect(existsSync(path.join(workspace, 'terraform', '.terraform'))).toBe(false);
    expect(existsSync(path.join(workspace, 'terraform', 'terraform.tfstate'))).toBe(false);
    expect(existsSync(path.join(workspace, 'terraform', 'terraform.tfstate.backup'))).toBe(false);
    expect(await readFile(path.join(workspace, 'terraform', backendOverrideFile), 'utf8')).toBe(backendOverride);
    expect(backendOverrideFile).toMatch(/_override\.tf$/);
  });
});
