import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { repoRoot } from '../../../harness/topology/loadTopology.ts';

export const composeFile = path.join(repoRoot, 'compose', 'docker-compose.yml');

const stringList = z.array(z.string());

/** The parts of a service that the tests read; the Compose schema validates the whole file. */
const serviceSchema = z.looseObject({
  image: z.string().optional(),
  build: z.looseObject({ context: z.string(), dockerfile: z.string().optional() }).optional(),
  entrypoint: z.union([z.string(), stringList]).optional(),
  command: z.union([z.string(), stringList]).optional(),
  working_dir: z.string().optional(),
  environment: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  volumes: stringList.optional(),
  ports: stringList.optional(),
  networks: stringList.optional(),
  depends_on: z.record(z.string(), z.looseObject({ condition: z.string() })).optional(),
  healthcheck: z.looseObject({ test: stringList }).optional(),
});

const composeSchema = z.looseObject({
  services: z.record(z.string(), serviceSchema),
  networks: z.record(z.string(), z.looseObject({ name: z.string().optional() })).optional(),
});

export type ComposeService = z.infer<typeof serviceSchema>;

/** compose/docker-compose.yml as plain data, exactly as YAML gives it (no interpolation). */
export async function readComposeDocument(): Promise<unknown> {
  return parse(await readFile(composeFile, 'utf8'));
}

/** The compose file, with the service fields the tests read typed. */
export async function loadComposeFile(): Promise<z.infer<typeof composeSchema>> {
  return composeSchema.parse(await readComposeDocument());
}

/** A service that must exist. */
export async function composeService(name: string): Promise<ComposeService> {
  const service = (await loadComposeFile()).services[name];
  if (!service) throw new Error(`compose/docker-compose.yml has no service "${name}"`);
  return service;
}
