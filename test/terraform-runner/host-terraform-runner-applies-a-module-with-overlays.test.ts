import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseTerraformOutputs } from '../../harness/backends/terraformOutputs.ts';
import { chooseTerraformRunner } from '../../harness/terraform/chooseTerraformRunner.ts';
import { TerraformCommandError } from '../../harness/terraform/errors.ts';
import { HostTerraformRunner } from '../../harness/terraform/HostTerraformRunner.ts';
import { terraformCommandLines } from '../../harness/terraform/terraformCommands.ts';
import { materializeTerraformWorkspace, planTerraformWorkspace } from '../../harness/terraform/terraformWorkspace.ts';

// A provider-free module with the outputs of terraform/outputs.tf: the real module needs the AWS provider
// from the registry, which this machine cannot download, and LocalStack, which needs Docker.
const stubModule = `
variable "region" { type = string }
variable "consumers" { type = any }
variable "aws_endpoint_url" {
  type    = string
  default = null
}
variable "timer_overrides" {
  type    = any
  default = {}
}
locals {
  account = "000000000000"
  queue   = "\${var.aws_endpoint_url}/\${local.account}"
}
output "region" { value = var.region }
output "topic_arn" { value = "arn:aws:sns:\${var.region}:\${local.account}:fanout-order-events" }
output "outcomes_queue_url" { value = "\${local.queue}/fanout-order-outcomes" }
output "outcomes_queue_arn" { value = "arn:aws:sqs:\${var.region}:\${local.account}:fanout-order-outcomes" }
output "timeout_override" { value = lookup(var.timer_overrides, "timeout", null) }
output "consumers" {
  value = { for name in keys(var.consumers) : name => {
    queue_url                 = "\${local.queue}/fanout-\${name}"
    queue_arn                 = "arn:aws:sqs:\${var.region}:\${local.account}:fanout-\${name}"
    dlq_url                   = "\${local.queue}/fanout-\${name}-dlq"
    dlq_arn                   = "arn:aws:sqs:\${var.region}:\${local.account}:fanout-\${name}-dlq"
    function_name             = "fanout-\${name}"
    function_arn              = "arn:aws:lambda:\${var.region}:\${local.account}:function:fanout-\${name}"
    event_source_mapping_uuid = "uuid-\${name}"
    log_group_name            = "/aws/lambda/fanout-\${name}"
  } }
}
`;

const hostTerraform = chooseTerraformRunner({ preference: 'auto', image: 'unused' });
if (hostTerraform.kind !== 'host') console.warn('skipped "host terraform runner": neither terraform nor tofu is on PATH');
const withTerraform = hostTerraform.kind === 'host' ? it : it.skip;

describe('HostTerraformRunner', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'fanout-host-tf-'));
    const repo = path.join(scratch, 'repo');
    await mkdir(path.join(repo, 'terraform', 'profiles'), { recursive: true });
    await mkdir(path.join(repo, 'dist', 'lambdas'), { recursive: true });
    await writeFile(path.join(repo, 'terraform', 'main.tf'), stubModule);
    await writeFile(path.join(repo, 'terraform', 'fanout.auto.tfvars.json'), JSON.stringify({ region: 'us-east-1', consumers: { 'order-processor': {}, 'user-notification': {} } }));
    await writeFile(path.join(repo, 'terraform', 'profiles', 'fast-timers.tfvars.json'), JSON.stringify({ timer_overrides: { timeout: 1 } }));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  withTerraform('runs init, apply with the endpoint and overlay, and output in a throwaway workspace', async () => {
    // Prepare
    const repo = path.join(scratch, 'repo');
    const workspaceDir = path.join(scratch, 'workspace');
    const plan = planTerraformWorkspace({ repoRoot: repo, overlays: [path.join(repo, 'terraform', 'profiles', 'fast-timers.tfvars.json')] });
    await materializeTerraformWorkspace(plan, workspaceDir);
    const binary = hostTerraform.kind === 'host' ? hostTerraform.binary : '';
    const runner = new HostTerraformRunner({ binary, moduleDir: path.join(workspaceDir, 'terraform'), endpointUrl: 'http://localhost:45666' });
    const lines = terraformCommandLines({ chdir: runner.moduleDir, endpointUrl: runner.endpointUrl, varFiles: plan.varFiles });

    // Act
    await runner.run(lines.init);
    await runner.run(lines.apply);
    const text = await runner.run(lines.output);

    // Assess
    const outputs = parseTerraformOutputs(text, 'terraform output -json');
    expect(outputs.outcomesQueueUrl).toBe('http://localhost:45666/000000000000/fanout-order-outcomes');
    expect(Object.keys(outputs.consumers)).toEqual(['order-processor', 'user-notification']);
    expect(JSON.parse(text)).toHaveProperty('timeout_override.value', 1);
    expect(existsSync(path.join(workspaceDir, 'terraform', 'terraform.tfstate'))).toBe(true);
    expect(existsSync(path.join(repo, 'terraform', 'terraform.tfstate'))).toBe(false);
  }, 60_000);

  withTerraform('rejects with the command and the tail of its output when terraform fails', async () => {
    const runner = new HostTerraformRunner({ binary: hostTerraform.kind === 'host' ? hostTerraform.binary : '', moduleDir: scratch, endpointUrl: 'http://localhost:1' });

    const run = runner.run([`-chdir=${scratch}`, 'no-such-subcommand']);

    await expect(run).rejects.toThrow(TerraformCommandError);
    await expect(run).rejects.toThrow(/^terraform -chdir=.* no-such-subcommand failed \(.*terraform.*, exit 1\):\n/);
  }, 30_000);
});
