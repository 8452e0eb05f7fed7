import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../harness/topology/loadTopology.ts';
import { loadTerraformModule, terraformRoot } from '../terraform/support/terraformModule.ts';
import { composeFile, composeService } from './support/loadComposeFile.ts';

/** `../x:/target[:ro]` volumes as host path (relative to the repository root) and container target. */
function mounts(volumes: readonly string[] = []): Array<{ source: string; target: string }> {
  return volumes.map((volume) => {
    const [source = '', target = ''] = volume.split(':');
    const host = source.startsWith('.') ? path.relative(repoRoot, path.resolve(path.dirname(composeFile), source)) : source;
    return { source: host.split(path.sep).join('/'), target };
  });
}

describe('the terraform service', () => {
  it('keeps its throwaway LocalStack state local, whatever backend the module declares for AWS', async () => {
    const terraform = await composeService('terraform');
    const script = [terraform.command ?? []].flat().join('\n');
    const { terraform: settings } = await loadTerraformModule(terraformRoot);

    expect(settings.flatMap((block) => Object.keys((block.backend as Record<string, unknown> | undefined) ?? {}))).toEqual(['s3']);
    const override = script.indexOf('backend "local"');
    expect(override).toBeGreaterThan(-1);
    expect(script.slice(override)).toMatch(/> \w+_override\.tf/);
    expect(override).toBeLessThan(script.indexOf('terraform init'));
  });

  it('runs a pinned Terraform once LocalStack is healthy', async () => {
    const terraform = await composeService('terraform');

    expect(terraform.image).toMatch(/^hashicorp\/terraform:\d+\.\d+\.\d+$/);
    expect(terraform.depends_on).toEqual({ localstack: { condition: 'service_healthy' } });
  });

  it('applies the topology with the fast-timers profile against LocalStack and writes the outputs to .fanout', async () => {
    // Prepare
    const terraform = await composeService('terraform');
    const script = [terraform.command ?? []].flat().join('\n');

    // Act
    const steps = script.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('terraform '));

    // Assess
    expect(terraform.entrypoint).toEqual(['/bin/sh', '-c']);
    expect(script).toMatch(/^set -eu$/m);
    expect(steps).toEqual([
      'terraform init -input=false',
      'terraform apply -input=false -auto-approve -var aws_endpoint_url=http://localstack:4566 -var-file=profiles/fast-timers.tfvars.json',
      'terraform output -json > /outputs/outputs.json',
    ]);
    expect(existsSync(path.join(terraformRoot, 'profiles', 'fast-timers.tfvars.json'))).toBe(true);
    expect(mounts(terraform.volumes)).toContainEqual({ source: '.fanout', target: '/outputs' });
    expect(terraform.environment).toMatchObject({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
  });

  it('finds the Lambda bundles where lambda_dist_dir points, relative to the copied root module', async () => {
    // Prepare
    const terraform = await composeService('terraform');
    const root = await loadTerraformModule(terraformRoot);
    const script = [terraform.command ?? []].flat().join('\n');

    // Act
    const distInContainer = path.posix.resolve(terraform.working_dir ?? '/', String(root.variables.lambda_dist_dir?.default));
    const copied = /cp -R (\S+)\/\. (\S+)\//.exec(script);

    // Assess
    expect(mounts(terraform.volumes)).toEqual(expect.arrayContaining([
      { source: 'terraform', target: copied?.[1] },
      { source: 'dist/lambdas', target: distInContainer },
    ]));
    expect(copied?.[2]).toBe(terraform.working_dir);
  });
});
