import { describe, expect, it } from '@jest/globals';
import { pinnedImages } from '../../harness/backends/images.ts';
import { loadDronePipelines, pipelineNamed, stepNamed } from './support/loadDronePipelines.ts';

describe('the deploy-production pipeline', () => {
  it('runs only on promotion to production, after verify', async () => {
    const deploy = pipelineNamed(await loadDronePipelines(), 'deploy-production');

    expect(deploy.trigger).toEqual({ event: ['promote'], target: ['production'] });
    expect(deploy.depends_on).toEqual(['verify']);
  });

  it('plans and applies with the pinned Terraform image and credentials from secrets', async () => {
    const deploy = pipelineNamed(await loadDronePipelines(), 'deploy-production');
    const plan = stepNamed(deploy, 'terraform-plan');
    const apply = stepNamed(deploy, 'terraform-apply');

    expect(plan.image).toBe(pinnedImages.terraform);
    expect(apply.image).toBe(pinnedImages.terraform);
    expect(plan.depends_on).toEqual(['bundle-lambdas']);
    expect(apply.depends_on).toEqual(['terraform-plan']);
    for (const step of [plan, apply]) {
      expect(step.environment).toMatchObject({ AWS_ACCESS_KEY_ID: { from_secret: 'aws_access_key_id' }, AWS_SECRET_ACCESS_KEY: { from_secret: 'aws_secret_access_key' } });
      expect(step.commands.filter((command) => command.startsWith('terraform ')).every((command) => command.startsWith('terraform -chdir=terraform '))).toBe(true);
    }
    expect(plan.commands.some((command) => /^terraform -chdir=terraform plan .*-out=(\S+)/.test(command))).toBe(true);
    expect(apply.commands).toContain('terraform -chdir=terraform apply -input=false -auto-approve production.tfplan');
  });

  it('saves the outputs where the aws backend reads them, then runs the features on aws as the gate', async () => {
    const deploy = pipelineNamed(await loadDronePipelines(), 'deploy-production');
    const gate = stepNamed(deploy, 'features-aws');

    expect(stepNamed(deploy, 'terraform-apply').commands).toContain('terraform -chdir=terraform output -json > .fanout/terraform-outputs.json');
    expect(gate.depends_on).toEqual(['terraform-apply']);
    expect(gate.commands).toEqual(['npm run features']);
    expect(gate.environment).toMatchObject({
      FANOUT_BACKEND: 'aws',
      FANOUT_TF_OUTPUTS: '.fanout/terraform-outputs.json',
      FANOUT_API_URL: { from_secret: 'fanout_api_url' },
    });
  });
});
