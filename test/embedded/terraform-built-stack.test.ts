import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAwsClients } from '../../harness/aws/awsClients.ts';
import { EmbeddedBackend } from '../../harness/backends/embedded/EmbeddedBackend.ts';
import { describeDeployment, withoutEndpoints, type DeploymentDescription } from '../../harness/discovery/describeDeployment.ts';
import { chooseTerraformRunner } from '../../harness/terraform/chooseTerraformRunner.ts';
import { fastTimersProfile, repoRoot } from '../../harness/topology/loadTopology.ts';
import { awsCli, awsCliPath } from '../support/awsCli.ts';

/*
 * One `terraform apply` of terraform/ (about 85 s, nearly all of it the provider's own waits) serves three
 * checks, in order: the stack it built equals the SDK provisioner's, the AWS CLI sees what Terraform made
 * through the one endpoint, and Ctrl-C destroys it. It runs `npm start -- --deploy terraform` as a user would.
 */
const terraform = chooseTerraformRunner({ preference: process.env.FANOUT_TERRAFORM ?? 'auto', image: 'none' });
const mirror = process.env.FANOUT_TF_PLUGIN_MIRROR || undefined;
const missing = terraform.kind !== 'host' ? 'neither terraform nor tofu is on PATH' : mirror === undefined ? 'FANOUT_TF_PLUGIN_MIRROR names no hashicorp/aws provider mirror (.ci/run finds one)' : undefined;
if (missing) console.warn(`skipped "a stack built by terraform apply": ${missing}`);
const aws = awsCliPath;
if (!missing && !aws) console.warn('skipped the AWS CLI checks of "a stack built by terraform apply": no `aws` command on PATH');
const withTerraform = missing ? describe.skip : describe;
const withCli = aws ? it : it.skip;

interface StackFile {
  apiUrl: string;
  apiKey: string;
  region: string;
  topicArn: string;
  endpoints: { aws: string };
  /** The stack's credentials: its endpoints check SigV4 signatures against them. */
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** Resolves with the first line matching `pattern`, or rejects with everything printed when the deadline passes or the process ends. */
function waitForLine(child: ChildProcess, output: () => string, pattern: RegExp, timeoutMs: number): Promise<undefined> {
  const { promise, resolve, reject } = Promise.withResolvers<undefined>();
  const check = (): void => {
    if (pattern.test(output())) resolve(undefined);
  };
  const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
  child.stdout?.on('data', check);
  child.once('exit', (code) => {
    check();
    reject(new Error(`npm start exited (${code}) before printing ${pattern}:\n${output()}`));
  });
  return promise.finally(() => clearTimeout(timer));
}

async function describeSdkDeploy(): Promise<DeploymentDescription> {
  await using stack = await new EmbeddedBackend({ buildLambdas: false }).start({ overlays: [fastTimersProfile] });
  using clients = createAwsClients({ region: stack.info.region, endpoints: stack.info.endpoints, ...(stack.info.credentials ? { credentials: stack.info.credentials } : {}) });
  return withoutEndpoints(await describeDeployment(clients, stack.info.topicArn));
}

withTerraform('a stack built by terraform apply of terraform/ (npm start -- --deploy terraform)', () => {
  let child: ChildProcess;
  let printed = '';
  let stackFile: StackFile;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fanout-tf-start-')), 'stack.json');
    child = spawn(process.execPath, [path.join(repoRoot, 'harness', 'cli', 'start.ts'), '--deploy', 'terraform', '--quiet', '--stack-file', file], {
      cwd: repoRoot,
      env: { ...process.env, FANOUT_TF_PLUGIN_MIRROR: mirror },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await waitForLine(child, () => printed, /\[fanout\] up in \d+ ms/, 300_000);
    stackFile = JSON.parse(readFileSync(file, 'utf8')) as StackFile;
  }, 320_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('equals what the SDK provisioner deploys, as the AWS APIs show it (DESIGN.md: the fast path may never drift from the module)', async () => {
    // Prepare
    const fast = await describeSdkDeploy();

    // Act
    using clients = createAwsClients({ region: stackFile.region, endpoints: { sns: stackFile.endpoints.aws, sqs: stackFile.endpoints.aws, lambda: stackFile.endpoints.aws }, credentials: stackFile.credentials });
    const applied = withoutEndpoints(await describeDeployment(clients, stackFile.topicArn));
    // A provider older than 6.19.0 (the offline 5.100.0 here) cannot plan nodejs24.x: the module then gets nodejs22.x,
    // and that runtime's RuntimeVersionConfig.
    const runtimes = new Set(Object.values(applied.functions).map((fn) => fn.Runtime));
    for (const [name, fn] of Object.entries(applied.functions)) {
      fn.Runtime = 'nodejs24.x';
      fn.RuntimeVersionConfig = fast.functions[name]?.RuntimeVersionConfig;
    }

    // Assess
    expect([...runtimes].filter((runtime) => runtime !== 'nodejs24.x' && runtime !== 'nodejs22.x')).toEqual([]);
    // One comparison, so a failure shows every difference at once.
    expect(applied).toEqual(fast);
    expect(Object.keys(applied.queues).length).toBeGreaterThan(0);
  }, 60_000);

  withCli('shows the AWS CLI the roles and log groups Terraform made, and after an order the REPORT lines in CloudWatch Logs', async () => {
    const role = await awsCli({ endpoint: stackFile.endpoints.aws, credentials: stackFile.credentials }, 'iam', 'get-role', '--role-name', 'fanout-order-processor');
    const groups = await awsCli({ endpoint: stackFile.endpoints.aws, credentials: stackFile.credentials }, 'logs', 'describe-log-groups', '--log-group-name-prefix', '/aws/lambda/fanout-');
    expect(role.stderr).toBe('');
    expect(JSON.parse(role.stdout).Role).toMatchObject({ RoleName: 'fanout-order-processor', Arn: 'arn:aws:iam::000000000000:role/fanout-order-processor' });
    expect(JSON.parse(groups.stdout).logGroups.map((group: { logGroupName: string; retentionInDays: number }) => [group.logGroupName, group.retentionInDays]))
      .toEqual([['/aws/lambda/fanout-fraud-screening', 14], ['/aws/lambda/fanout-order-processor', 14], ['/aws/lambda/fanout-user-notification', 14]]);

    const accepted = await fetch(`${stackFile.apiUrl}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': stackFile.apiKey },
      body: JSON.stringify({ customer: { id: 'cus-1001', email: 'ada@example.com' }, currency: 'EUR', items: [{ sku: 'SKU-COFFEE-1KG', quantity: 2, unitPrice: 1899 }] }),
    });
    expect(accepted.status).toBe(202);
    const deadline = Date.now() + 20_000;
    let reports: { message: string }[] = [];
    while (reports.length === 0 && Date.now() < deadline) {
      const filtered = await awsCli({ endpoint: stackFile.endpoints.aws, credentials: stackFile.credentials }, 'logs', 'filter-log-events', '--log-group-name', '/aws/lambda/fanout-order-processor', '--filter-pattern', 'REPORT');
      reports = (JSON.parse(filtered.stdout || '{"events":[]}') as { events: { message: string }[] }).events;
    }
    expect(reports[0]?.message).toMatch(/^REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB\tMax Memory Used: \d+ MB/);
  }, 60_000);

  it('destroys what Terraform built on Ctrl-C, and exits 0', async () => {
    child.kill('SIGINT');
    const code = await exited;

    expect(printed).toMatch(/\[fanout\] terraform destroyed in [\d.]+ s/);
    expect(code).toBe(0);
  }, 180_000);
});
