import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { EmbeddedBackend } from '../../harness/backends/embedded/EmbeddedBackend.ts';
import { chooseTerraformRunner } from '../../harness/terraform/chooseTerraformRunner.ts';
import { TerraformCommandError } from '../../harness/terraform/errors.ts';
import { topologyFile } from '../../harness/topology/loadTopology.ts';

const terraform = chooseTerraformRunner({ preference: process.env.FANOUT_TERRAFORM ?? 'auto', image: 'none' });
const mirror = process.env.FANOUT_TF_PLUGIN_MIRROR || undefined;
const missing = terraform.kind !== 'host' ? 'neither terraform nor tofu is on PATH' : mirror === undefined ? 'FANOUT_TF_PLUGIN_MIRROR names no hashicorp/aws provider mirror' : undefined;
if (missing) console.warn(`skipped "a failed terraform apply": ${missing}`);
const maybe = missing ? it.skip : it;

const workspaces = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith('fanout-terraform-'));
const listeningServers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;

/** A closed server's handle leaves the active list a turn of the event loop after its close callback. */
async function listeningServersSettled(expected: number, deadlineMs = 2000): Promise<number> {
  const deadline = Date.now() + deadlineMs;
  while (listeningServers() !== expected && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  return listeningServers();
}

describe('a failed terraform apply on the embedded backend', () => {
  maybe('fails the start with Terraform\'s own error lines, and leaves no workspace and no listening emulator behind', async () => {
    // Prepare: a consumer the topology schema accepts but whose bundle does not exist, so terraform fails.
    const topology = JSON.parse(readFileSync(topologyFile, 'utf8')) as { consumers: Record<string, unknown> };
    const overlay = path.join(mkdtempSync(path.join(tmpdir(), 'fanout-overlay-')), 'ghost.tfvars.json');
    writeFileSync(overlay, JSON.stringify({ consumers: { ...topology.consumers, ghost: topology.consumers['order-processor'] } }));
    // Workspaces go under os.tmpdir(): a private one here, so that other test files applying Terraform at the
    // same time (in other Jest workers) neither add workspaces to it nor remove them from it.
    const privateTmp = mkdtempSync(path.join(tmpdir(), 'fanout-failed-apply-'));
    const tmpBefore = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    const serversBefore = listeningServers();

    // Act
    const started = new EmbeddedBackend({ deploy: 'terraform', buildLambdas: false, terraform: { pluginMirror: mirror } }).start({ overlays: [overlay] });
    const settled = await started.then(
      () => undefined,
      (error: unknown) => error,
    );
    if (tmpBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpBefore;

    // Assess
    expect(settled).toBeInstanceOf(TerraformCommandError);
    expect((settled as Error).message).toMatch(/terraform .*apply .* failed .*\n[\s\S]*Error: .*\n[\s\S]*ghost\.zip/);
    expect(workspaces(privateTmp)).toEqual([]);
    rmSync(privateTmp, { recursive: true, force: true });
    expect(await listeningServersSettled(serversBefore)).toBe(serversBefore);
  }, 120_000);
});
