import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAwsClients } from '../../harness/aws/awsClients.ts';
import { EmbeddedBackend } from '../../harness/backends/embedded/EmbeddedBackend.ts';
import type { Stack } from '../../harness/backends/types.ts';
import { describeDeployment, withoutEndpoints, type DeploymentDescription } from '../../harness/discovery/describeDeployment.ts';
import { chooseTerraformRunner } from '../../harness/terraform/chooseTerraformRunner.ts';
import { fastTimersProfile } from '../../harness/topology/loadTopology.ts';

// terraform apply against the embedded endpoint needs terraform and the hashicorp/aws provider, which this
// machine has only as a filesystem mirror (FANOUT_TF_PLUGIN_MIRROR; .ci/run finds it).
const terraform = chooseTerraformRunner({ preference: process.env.FANOUT_TERRAFORM ?? 'auto', image: 'none' });
const mirror = process.env.FANOUT_TF_PLUGIN_MIRROR || undefined;
const missing = terraform.kind !== 'host' ? 'neither terraform nor tofu is on PATH' : mirror === undefined ? 'FANOUT_TF_PLUGIN_MIRROR names no hashicorp/aws provider mirror' : undefined;
if (missing) console.warn(`skipped "the SDK provisioner and terraform/ deploy the same stack": ${missing}`);
const withTerraform = missing ? describe.skip : describe;

async function deployAndDescribe(deploy: 'sdk' | 'terraform'): Promise<{ stack: Stack; description: DeploymentDescription }> {
  const stack = await new EmbeddedBackend({ deploy, buildLambdas: deploy === 'sdk', terraform: { pluginMirror: mirror } }).start({ overlays: [fastTimersProfile] });
  using clients = createAwsClients({ region: stack.info.region, endpoints: stack.info.endpoints, ...(stack.info.credentials ? { credentials: stack.info.credentials } : {}) });
  return { stack, description: withoutEndpoints(await describeDeployment(clients, stack.info.topicArn)) };
}

withTerraform('the SDK provisioner and terraform/ deploy the same stack (DESIGN.md: the fast path may never drift from the module)', () => {
  let sdk: DeploymentDescription;
  let applied: DeploymentDescription;

  beforeAll(async () => {
    const fast = await deployAndDescribe('sdk');
    sdk = fast.description;
    await fast.stack.close();
    const built = await deployAndDescribe('terraform');
    applied = built.description;
    await built.stack.close();
  }, 600_000);

  afterAll(() => {});

  it('with the same queues and queue attributes (redrive, policies, timers, encryption)', () => {
    expect(applied.queues).toEqual(sdk.queues);
  });

  it('with the same subscriptions, raw delivery and filter policies', () => {
    expect(applied.subscriptions).toEqual(sdk.subscriptions);
  });

  it('with the same functions and configuration; only the runtime may be older, when the provider predates nodejs24.x', () => {
    const runtimes = new Set(Object.values(applied.functions).map((fn) => fn.Runtime));
    const normalised = Object.fromEntries(Object.entries(applied.functions).map(([name, fn]) => [name, { ...fn, Runtime: sdk[`functions`][name]?.Runtime }]));

    expect([...runtimes].every((runtime) => runtime === 'nodejs24.x' || runtime === 'nodejs22.x')).toBe(true);
    expect(normalised).toEqual(sdk.functions);
  });

  it('with the same event source mappings', () => {
    expect(applied.mappings).toEqual(sdk.mappings);
  });
});
