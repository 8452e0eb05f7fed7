import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { fastTimersProfile, topologyFile } from '../../harness/topology/loadTopology.ts';
import { mismatchesOfTerraformType } from './support/mismatchesOfTerraformType.ts';
import { loadTerraformModule, stringAttribute, subscriberModuleDir, terraformRoot } from './support/terraformModule.ts';
import { parseTerraformType } from './support/terraformType.ts';

const tfvars = z.record(z.string(), z.unknown());

async function readTfvars(file: string): Promise<Record<string, unknown>> {
  return tfvars.parse(JSON.parse(await readFile(file, 'utf8')));
}

describe('fanout.auto.tfvars.json and the fast-timers profile', () => {
  it('set only variables that the root module declares', async () => {
    const root = await loadTerraformModule(terraformRoot);
    const keys = [...Object.keys(await readTfvars(topologyFile)), ...Object.keys(await readTfvars(fastTimersProfile))];

    expect(keys.filter((key) => !Object.hasOwn(root.variables, key))).toEqual([]);
  });

  it('give every consumer exactly the attributes, of the types, of the subscriber module variable "consumer"', async () => {
    // Prepare
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const consumerType = parseTerraformType(stringAttribute(subscriber.variables.consumer ?? {}, 'type'));
    const consumers = tfvars.parse((await readTfvars(topologyFile)).consumers);

    // Act
    const mismatches = Object.entries(consumers).flatMap(([name, consumer]) =>
      mismatchesOfTerraformType(consumer, consumerType, `consumers.${name}`));

    // Assess
    expect(Object.keys(consumers).length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });

  it('fit the root types of the scalar variables and of timer_overrides', async () => {
    const root = await loadTerraformModule(terraformRoot);
    const values = { ...(await readTfvars(topologyFile)), ...(await readTfvars(fastTimersProfile)) };

    const mismatches = Object.entries(values).flatMap(([name, value]) =>
      mismatchesOfTerraformType(value, parseTerraformType(stringAttribute(root.variables[name] ?? {}, 'type')), name));

    expect(mismatches).toEqual([]);
  });

  it('are checked by a type that catches a misspelt field, so the check above is not vacuous', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const consumerType = parseTerraformType(stringAttribute(subscriber.variables.consumer ?? {}, 'type'));

    expect(mismatchesOfTerraformType({ handler: 'index.handler', timeout: '10', batchSize: 1 }, consumerType, 'c'))
      .toEqual(expect.arrayContaining(['c.batchSize: not declared (Terraform would drop it silently)', 'c.timeout: "10" is not a number', 'c.memory_size: missing']));
  });
});
