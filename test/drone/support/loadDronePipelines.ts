import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import * as z from 'zod';
import { repoRoot } from '../../../harness/topology/loadTopology.ts';

export const droneFile = path.join(repoRoot, '.drone.yml');

const secret = z.strictObject({ from_secret: z.string() });
const conditions = z.looseObject({ event: z.array(z.string()).optional(), target: z.array(z.string()).optional() });

const stepSchema = z.looseObject({
  name: z.string(),
  image: z.string(),
  commands: z.array(z.string()).default([]),
  environment: z.record(z.string(), z.union([z.string(), secret])).default({}),
  volumes: z.array(z.looseObject({ name: z.string(), path: z.string() })).default([]),
  depends_on: z.array(z.string()).default([]),
  when: conditions.optional(),
});

const pipelineSchema = z.looseObject({
  kind: z.literal('pipeline'),
  type: z.string(),
  name: z.string(),
  steps: z.array(stepSchema),
  trigger: conditions.optional(),
  depends_on: z.array(z.string()).default([]),
  volumes: z.array(z.looseObject({ name: z.string(), host: z.looseObject({ path: z.string() }).optional() })).default([]),
});

export type DroneStep = z.infer<typeof stepSchema>;
export type DronePipeline = z.infer<typeof pipelineSchema>;

/** Every YAML document of `.drone.yml` as plain data. */
export async function readDroneDocuments(): Promise<unknown[]> {
  const documents = parseAllDocuments(await readFile(droneFile, 'utf8'));
  return documents.map((document) => {
    if (document.errors.length > 0) throw new Error(`.drone.yml: ${document.errors.map((e) => e.message).join('; ')}`);
    return document.toJS();
  });
}

/** The pipelines of `.drone.yml`, with the fields the tests read typed. */
export async function loadDronePipelines(): Promise<DronePipeline[]> {
  return (await readDroneDocuments()).map((document) => pipelineSchema.parse(document));
}

export function pipelineNamed(pipelines: readonly DronePipeline[], name: string): DronePipeline {
  const pipeline = pipelines.find((p) => p.name === name);
  if (!pipeline) throw new Error(`.drone.yml has no pipeline "${name}"`);
  return pipeline;
}

export function stepNamed(pipeline: DronePipeline, name: string): DroneStep {
  const step = pipeline.steps.find((s) => s.name === name);
  if (!step) throw new Error(`pipeline "${pipeline.name}" has no step "${name}"`);
  return step;
}
