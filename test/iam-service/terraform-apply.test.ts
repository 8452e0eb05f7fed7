import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { createIamService } from '../../harness/iam-service/createIamService.ts';
import { createStsService } from '../../harness/sts-service/createStsService.ts';
import { mirrorCliConfig } from '../../harness/terraform/providerInstallation.ts';

const run = promisify(execFile);

/** Terraform and the hashicorp/aws provider: the offline mirror of these machines, or the registry. */
const mirror = process.env.FANOUT_TF_PLUGIN_MIRROR ?? (existsSync('/opt/tf-plugins') ? '/opt/tf-plugins' : undefined);
const terraformFound = await run('terraform', ['version']).then(
  () => true,
  () => false,
);
const describeWithTerraform = terraformFound ? describe : describe.skip;
if (!terraformFound) {
  console.warn('terraform-apply.test.ts: SKIPPED, no terraform on PATH');
}

// The real Terraform AWS provider (whatever `terraform init` installs: 5.100.0 from this machine's
// mirror) applying the IAM resources of terraform/modules/subscriber/iam.tf against IAM and STS
// routed by the SigV4 credential scope, as the edge routes them. A second plan finding no
// changes shows every read answers as the provider expects of AWS.
describeWithTerraform('terraform apply of the IAM resources against the emulated IAM and STS', () => {
  let server: http.Server;
  let endpoint: string;
  let workspace: string;
  let env: NodeJS.ProcessEnv;
  const iamService = createIamService({ accountId: '000000000000' });
  const stsService = createStsService({ accountId: '000000000000' });

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const scope = /Credential=[^/]+\/[^/]+\/[^/]+\/(?<service>[^/]+)\//.exec(req.headers.authorization ?? '')?.groups?.service;
      (scope === 'sts' ? stsService : iamService).handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    workspace = await mkdtemp(path.join(os.tmpdir(), 'iam-terraform-'));
    await copyFile(path.join(import.meta.dirname, 'fixtures/terraform/main.tf'), path.join(workspace, 'main.tf'));
    env = { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' };
    if (mirror) {
      await writeFile(path.join(workspace, 'cli.tfrc'), mirrorCliConfig(mirror));
      env.TF_CLI_CONFIG_FILE = path.join(workspace, 'cli.tfrc');
    }
    await terraform(['init', '-no-color']);
  }, 120_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    if (workspace) {
      await rm(workspace, { recursive: true, force: true });
    }
  });

  /** Runs terraform in the workspace; its exit code and output, whether it failed or not. */
  function terraform(args: string[]): Promise<{ code: number; output: string }> {
    return run('terraform', args, { cwd: workspace, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );
  }

  const vars = (extra: string[] = []) => ['-no-color', `-var=endpoint=${endpoint}`, ...extra];

  it('applies, and a second plan finds nothing to change', async () => {
    // Act
    const apply = await terraform(['apply', '-auto-approve', ...vars()]);
    const plan = await terraform(['plan', '-detailed-exitcode', ...vars()]);
    const state = JSON.parse(await readFile(path.join(workspace, 'terraform.tfstate'), 'utf8')) as { outputs: Record<string, { value: string }> };

    // Assess
    expect(apply).toMatchObject({ code: 0, output: expect.stringContaining('Apply complete! Resources: 5 added') });
    expect(plan).toMatchObject({ code: 0, output: expect.stringContaining('No changes.') });
    expect(state.outputs.account_id?.value).toBe('000000000000');
    expect(state.outputs.role_arn?.value).toBe('arn:aws:iam::000000000000:role/order-processor');
    expect(state.outputs.role_unique_id?.value).toMatch(/^AROA[A-Z0-9]{17}$/);
  }, 180_000);

  it('updates description and tags in place, and plans nothing afterwards', async () => {
    const apply = await terraform(['apply', '-auto-approve', ...vars(['-var=description=Runs it faster', '-var=owner=platform'])]);
    const plan = await terraform(['plan', '-detailed-exitcode', ...vars(['-var=description=Runs it faster', '-var=owner=platform'])]);

    expect(apply).toMatchObject({ code: 0, output: expect.stringContaining('0 added, 1 changed, 0 destroyed') });
    expect(plan).toMatchObject({ code: 0 });
    const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const { Role: role } = await iam.send(new GetRoleCommand({ RoleName: 'order-processor' }));
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'order-processor' }));
    iam.destroy();
    expect(role?.Description).toBe('Runs it faster');
    expect(role?.Tags).toEqual(expect.arrayContaining([{ Key: 'Owner', Value: 'platform' }, { Key: 'Project', Value: 'order-fanout' }]));
    expect(attached.AttachedPolicies?.map((policy) => policy.PolicyName).sort()).toEqual(['AWSLambdaBasicExecutionRole', 'order-processor-extra']);
  }, 180_000);

  it('destroys everything it created', async () => {
    const destroy = await terraform(['destroy', '-auto-approve', ...vars(['-var=description=Runs it faster', '-var=owner=platform'])]);

    expect(destroy).toMatchObject({ code: 0, output: expect.stringContaining('Destroy complete! Resources: 5 destroyed.') });
  }, 180_000);
});
