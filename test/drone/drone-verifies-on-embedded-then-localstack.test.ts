import { describe, expect, it } from '@jest/globals';
import { loadDronePipelines, pipelineNamed, stepNamed } from './support/loadDronePipelines.ts';

describe('the verify pipeline', () => {
  it('installs, then lints, type-checks and unit-tests, then runs the features on embedded, on what Terraform built there, then on LocalStack', async () => {
    const verify = pipelineNamed(await loadDronePipelines(), 'verify');

    expect(verify.type).toBe('docker');
    expect(stepNamed(verify, 'install').commands).toContain('npm ci --no-audit --no-fund');
    for (const name of ['lint', 'typecheck', 'unit']) expect(stepNamed(verify, name).depends_on).toEqual(['install']);
    expect(stepNamed(verify, 'features-embedded').depends_on).toEqual(['lint', 'typecheck', 'unit']);
    expect(stepNamed(verify, 'features-embedded').environment).not.toHaveProperty('FANOUT_BACKEND');
    expect(stepNamed(verify, 'features-embedded-terraform').depends_on).toEqual(['features-embedded', 'terraform-binary']);
    expect(stepNamed(verify, 'features-localstack').depends_on).toEqual(['features-embedded-terraform']);
    expect(new Set(verify.steps.map((step) => step.image))).toEqual(new Set(['node:24', 'hashicorp/terraform:1.9.8']));
  });

  it('checks the plans, then applies terraform/ to the embedded stack with the Terraform binary the pinned image provides', async () => {
    const verify = pipelineNamed(await loadDronePipelines(), 'verify');
    const binary = stepNamed(verify, 'terraform-binary');
    const step = stepNamed(verify, 'features-embedded-terraform');

    expect(binary.commands).toContain('cp "$(command -v terraform)" .fanout/bin/terraform');
    expect(step.environment).toEqual({ FANOUT_DEPLOY: 'terraform', FANOUT_TERRAFORM: '.fanout/bin/terraform' });
    expect(step.commands).toEqual(['npm run tf:check', 'npm run features']);
  });

  it('gives the LocalStack features the host Docker socket and the auth token secret', async () => {
    const verify = pipelineNamed(await loadDronePipelines(), 'verify');
    const step = stepNamed(verify, 'features-localstack');

    expect(step.environment).toEqual({ FANOUT_BACKEND: 'localstack', LOCALSTACK_AUTH_TOKEN: { from_secret: 'localstack_auth_token' } });
    expect(step.commands).toEqual(['npm run features']);
    const [mount] = step.volumes;
    expect(mount?.path).toBe('/var/run/docker.sock');
    expect(verify.volumes.find((volume) => volume.name === mount?.name)?.host?.path).toBe('/var/run/docker.sock');
  });
});
