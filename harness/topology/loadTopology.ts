import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TopologySchema, type Topology } from './topologySchema.ts';

/** Repository root, two folders above this file. */
export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const topologyFile = path.join(repoRoot, 'terraform', 'fanout.auto.tfvars.json');
/** The test profile: short AWS timers so that DLQ scenarios take seconds. */
export const fastTimersProfile = path.join(repoRoot, 'terraform', 'profiles', 'fast-timers.tfvars.json');

export interface LoadTopologyOptions {
  file?: string;
  /** tfvars overlays applied in order, like `terraform -var-file`: each top-level key replaces the base one. */
  overlays?: readonly string[];
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Reads the topology and its overlays, validates it, and applies `timer_overrides` to every consumer,
 * exactly as `terraform/main.tf` does in its locals.
 */
export async function loadTopology(options: LoadTopologyOptions = {}): Promise<Topology> {
  const file = options.file ?? topologyFile;
  let merged = await readJson(file) as Record<string, unknown>;
  for (const overlay of options.overlays ?? []) {
    merged = { ...merged, ...(await readJson(overlay) as Record<string, unknown>) };
  }
  const parsed = TopologySchema.safeParse(merged);
  if (!parsed.success) throw invalidTopology(file, parsed.error.issues);
  // Terraform checks its rules after the overrides are folded in, so this does too.
  const effective = TopologySchema.safeParse(applyTimerOverrides(parsed.data));
  if (!effective.success) throw invalidTopology(file, effective.error.issues);
  return effective.data;
}

function invalidTopology(file: string, issues: readonly { path: PropertyKey[]; message: string }[]): Error {
  const described = issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
  return new Error(`invalid topology in ${file}: ${described}`);
}

/** The effective topology: every consumer with the timer overrides folded in. */
export function applyTimerOverrides(topology: Topology): Topology {
  const overrides = Object.fromEntries(
    Object.entries(topology.timer_overrides ?? {}).filter(([, value]) => value !== undefined),
  );
  const consumers = Object.fromEntries(
    Object.entries(topology.consumers).map(([name, consumer]) => [name, { ...consumer, ...overrides }]),
  );
  return { ...topology, consumers };
}
