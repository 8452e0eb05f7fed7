import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { repoRoot } from '../../harness/topology/loadTopology.ts';
import { readDroneDocuments } from './support/loadDronePipelines.ts';

// SchemaStore's Drone schema lives beside the project (../shared/schemas), not in it, and no npm package
// carries it (README, "What cannot run on the development machines"); a clone without it skips.
const schemaFile = path.resolve(repoRoot, '..', 'shared', 'schemas', 'drone.json');
const haveSchema = existsSync(schemaFile);
if (!haveSchema) {
  console.warn(`skipped ".drone.yml matches the Drone schema": ${schemaFile} is absent (it sits beside the project on its own machines; the structural .drone.yml tests still run)`);
}
const withSchema = haveSchema ? it : it.skip;

type Schema = { definitions: Record<string, unknown>; oneOf: unknown[] } & Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isKubernetesBranch = (value: unknown): boolean => isRecord(value) && value.$ref === '#/definitions/pipeline_kubernetes';

function withoutKubernetesBranch(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !isKubernetesBranch(item)).map(withoutKubernetesBranch);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withoutKubernetesBranch(child)]));
  return value;
}

/** The schema without its Kubernetes pipeline branch, whose `$ref`s point into an external file. */
function dockerOnlySchema(schema: Schema): Schema {
  const { pipeline_kubernetes: _pipeline, step_kubernetes: _step, ...definitions } = schema.definitions;
  return { ...schema, definitions, oneOf: withoutKubernetesBranch(schema.oneOf) as unknown[] };
}

describe('.drone.yml', () => {
  withSchema('validates, document by document, against the Drone schema (Kubernetes branch dropped)', async () => {
    // Prepare
    const schema = dockerOnlySchema(JSON.parse(readFileSync(schemaFile, 'utf8')) as Schema);
    expect(JSON.stringify(schema)).not.toContain('kubernetes-definitions.json');
    // The schema puts minLength on an array (steps); strict mode would refuse to compile it.
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

    // Act
    const documents = await readDroneDocuments();
    const failures = documents.flatMap((document, index) =>
      validate(document) ? [] : [`document ${index + 1}: ${JSON.stringify(validate.errors?.slice(0, 5))}`]);

    // Assess
    expect(documents.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  withSchema('would be refused with a misspelt step key (the schema check is not vacuous)', async () => {
    const schema = dockerOnlySchema(JSON.parse(readFileSync(schemaFile, 'utf8')) as Schema);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const [first] = await readDroneDocuments();
    const broken = structuredClone(first) as { steps: Record<string, unknown>[] };
    broken.steps[0] = { ...broken.steps[0], comands: ['npm ci'] };

    expect(validate(broken)).toBe(false);
  });
});
