import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogsService, type LogsService } from '../../harness/logs-service/createLogsService.ts';
import { mirrorCliConfig } from '../../harness/terraform/providerInstallation.ts';
import { terraformEnvironment } from '../../harness/terraform/terraformEnvironment.ts';

const found = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' });
const terraform = found.status === 0 ? found.stdout.trim() : undefined;
const mirror = process.env.FANOUT_TF_PLUGIN_MIRROR || undefined;
if (!terraform || !mirror) console.warn('skipped the Terraform log group lifecycle: it needs terraform on PATH and FANOUT_TF_PLUGIN_MIRROR');
const maybe = terraform && mirror ? it : it.skip;

/** A log group as terraform/modules/subscriber/lambda.tf declares it, plus tags, against the logs service alone. */
function configuration(endpoint: string): string {
  return `
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}
provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    logs = "${endpoint}"
  }
  default_tags {
    tags = { ManagedBy = "terraform" }
  }
}
variable "retention" { type = number }
variable "tags" { type = map(string) }
resource "aws_cloudwatch_log_group" "main" {
  name              = "/aws/lambda/fanout-terraformed"
  retention_in_days = var.retention
  tags              = var.tags
}
output "arn" { value = aws_cloudwatch_log_group.main.arn }
`;
}

describe('the Terraform AWS provider managing a log group', () => {
  let service: LogsService;
  let server: Server;
  let dir: string;
  let env: Record<string, string>;
  const calls: string[] = [];

  /** terraform, asynchronously: the service answers from this process's event loop. */
  const tf = (...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> => {
    const { promise, resolve } = Promise.withResolvers<{ status: number; stdout: string; stderr: string }>();
    execFile(terraform ?? 'terraform', [`-chdir=${dir}`, ...args], { env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    return promise;
  };

  beforeAll(async () => {
    if (!terraform || !mirror) return;
    service = createLogsService({});
    server = createServer((req, res) => {
      calls.push(String(req.headers['x-amz-target'] ?? '').replace('Logs_20140328.', ''));
      service.handle(req, res);
    });
    const listening = Promise.withResolvers<undefined>();
    server.listen(0, '127.0.0.1', () => listening.resolve(undefined));
    await listening.promise;
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(path.join(tmpdir(), 'logs-tf-'));
    await writeFile(path.join(dir, 'main.tf'), configuration(endpoint));
    await writeFile(path.join(dir, 'mirror.tfrc'), mirrorCliConfig(mirror));
    env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, TF_CLI_CONFIG_FILE: path.join(dir, 'mirror.tfrc'), ...terraformEnvironment(endpoint) };
    expect(await tf('init', '-input=false')).toMatchObject({ status: 0 });
  }, 120_000);

  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  maybe(
    'creates, updates, re-plans without changes and destroys it',
    async () => {
      // Act: what internal/service/logs/group.go of terraform-provider-aws calls on create, update and delete.
      const created = await tf('apply', '-auto-approve', '-var', 'retention=14', '-var', 'tags={env="test"}');
      const group = service.store.group('/aws/lambda/fanout-terraformed');
      const createdState = { retention: group?.retentionInDays, tags: Object.fromEntries(group?.tags ?? []) };
      const updated = await tf('apply', '-auto-approve', '-var', 'retention=0', '-var', 'tags={team="a"}');
      const replanned = await tf('plan', '-detailed-exitcode', '-var', 'retention=0', '-var', 'tags={team="a"}');
      const updatedState = { retention: group?.retentionInDays, tags: Object.fromEntries(group?.tags ?? []) };
      const destroyed = await tf('destroy', '-auto-approve', '-var', 'retention=0', '-var', 'tags={team="a"}');

      // Assess
      expect(created).toMatchObject({ status: 0 });
      expect(created.stdout).toContain('arn = "arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/fanout-terraformed"');
      expect(createdState).toEqual({ retention: 14, tags: { env: 'test', ManagedBy: 'terraform' } });
      expect(updated).toMatchObject({ status: 0 });
      expect(updatedState).toEqual({ retention: undefined, tags: { team: 'a', ManagedBy: 'terraform' } });
      // -detailed-exitcode: 0 means no changes, so every attribute read back as written.
      expect(replanned).toMatchObject({ status: 0 });
      expect(destroyed).toMatchObject({ status: 0 });
      expect(service.store.group('/aws/lambda/fanout-terraformed')).toBeUndefined();
      // What the 5.100 provider called (a newer one may call more, never fewer for these changes).
      expect([...new Set(calls)]).toEqual(
        expect.arrayContaining(['CreateLogGroup', 'PutRetentionPolicy', 'DescribeLogGroups', 'ListTagsForResource', 'UntagResource', 'TagResource', 'DeleteRetentionPolicy', 'DeleteLogGroup']),
      );
    },
    300_000,
  );
});
