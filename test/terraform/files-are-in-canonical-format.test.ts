import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from '../../harness/topology/loadTopology.ts';

function findTerraform(): string | undefined {
  for (const binary of ['terraform', 'tofu']) {
    const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}

const binary = findTerraform();
if (!binary) console.warn('skipped terraform fmt check: neither terraform nor tofu is on PATH (the HCL is still parsed and checked by the other tests here)');
const maybe = binary ? it : it.skip;

describe('terraform formatting', () => {
  // `fmt` needs no providers and no network, so it runs wherever a binary is installed; `validate` needs
  // `init`, which downloads the AWS provider, and is left to the Drone pipeline.
  maybe('every .tf file is in canonical format (terraform fmt -check)', () => {
    const result = spawnSync(binary as string, ['fmt', '-check', '-recursive', '-diff', path.join(repoRoot, 'terraform')], { encoding: 'utf8' });
    expect({ status: result.status, diff: result.stdout }).toEqual({ status: 0, diff: '' });
  });

  maybe('the check notices a file out of format', () => {
    const badlyFormatted = 'variable "x" {\ntype=string\n}\n';
    const result = spawnSync(binary as string, ['fmt', '-check', '-'], { input: badlyFormatted, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(execFileSync(binary as string, ['fmt', '-'], { input: badlyFormatted, encoding: 'utf8' })).toContain('type = string');
  });
});
