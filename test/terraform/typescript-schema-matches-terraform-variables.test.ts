import { describe, expect, it } from '@jest/globals';
import { ConsumerSchema, TimerOverridesSchema, TopologySchema } from '../../harness/topology/topologySchema.ts';
import { loadTerraformModule, stringAttribute, subscriberModuleDir, terraformRoot, validationsOf } from './support/terraformModule.ts';
import { describeTerraformType, parseTerraformType, type TerraformType } from './support/terraformType.ts';
import { zodObjectFields } from './support/zodFields.ts';

/** Root variables that configure a deployment rather than describe the topology. */
const deploymentOnlyVariables = ['aws_endpoint_url', 'lambda_dist_dir', 'lambda_runtime', 'log_retention_days'];

function objectFields(type: TerraformType): Record<string, { kind: string; optional: boolean }> {
  if (type.kind !== 'object') throw new Error(`expected an object type, found ${type.kind}`);
  return Object.fromEntries(Object.entries(type.attributes).map(([name, attribute]) =>
    [name, { kind: describeTerraformType(attribute.type), optional: attribute.optional }]));
}

function zodKinds(fields: ReturnType<typeof zodObjectFields>): Record<string, { kind: string; optional: boolean }> {
  return Object.fromEntries(Object.entries(fields).map(([name, { kind, optional }]) => [name, { kind, optional }]));
}

describe('harness/topology/topologySchema.ts and the Terraform variables', () => {
  it('declare the same consumer fields with the same kinds (ConsumerSchema vs modules/subscriber variable "consumer")', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const terraform = objectFields(parseTerraformType(stringAttribute(subscriber.variables.consumer ?? {}, 'type')));

    expect(terraform).toEqual(zodKinds(zodObjectFields(ConsumerSchema)));
  });

  it('require the same consumer fields in the root "consumers" shape check as ConsumerSchema', async () => {
    // Prepare
    const root = await loadTerraformModule(terraformRoot);
    const shapeCheck = validationsOf(root.variables.consumers).find(({ condition }) => condition.includes('setsubtract'));

    // Act
    const listed = [...(/for fields in \[\[([^\]]*)\]\]/.exec(shapeCheck?.condition ?? '')?.[1] ?? '')
      .matchAll(/"([^"]+)"/g)].map(([, name]) => name);

    // Assess
    expect(root.variables.consumers?.type).toBe('${any}');
    expect(listed.sort()).toEqual(Object.keys(zodObjectFields(ConsumerSchema)).sort());
  });

  it('declare the same timer overrides, all optional (TimerOverridesSchema vs root variable "timer_overrides")', async () => {
    const root = await loadTerraformModule(terraformRoot);
    const variable = root.variables.timer_overrides ?? {};

    expect(objectFields(parseTerraformType(stringAttribute(variable, 'type')))).toEqual(zodKinds(zodObjectFields(TimerOverridesSchema)));
    expect(variable).toMatchObject({ default: {}, nullable: false });
  });

  it('declare the same top-level topology fields (TopologySchema vs root variables)', async () => {
    // Prepare
    const root = await loadTerraformModule(terraformRoot);
    const zod = zodObjectFields(TopologySchema);

    // Act
    const topologyVariables = Object.keys(root.variables).filter((name) => !deploymentOnlyVariables.includes(name));
    const scalarKinds = Object.fromEntries(Object.entries(zod)
      .filter(([, field]) => !field.kind.startsWith('map(') && field.kind !== 'object')
      .map(([name, field]) => [name, field.kind]));

    // Assess
    expect(topologyVariables.sort()).toEqual(Object.keys(zod).sort());
    for (const [name, kind] of Object.entries(scalarKinds)) {
      expect({ name, type: describeTerraformType(parseTerraformType(stringAttribute(root.variables[name] ?? {}, 'type'))) })
        .toEqual({ name, type: kind });
    }
    // consumers: a map of ConsumerSchema in TypeScript; `any` plus a shape check in Terraform (see variables.tf).
    expect(zod.consumers?.kind).toBe('map(object)');
    expect(zod.timer_overrides).toMatchObject({ kind: 'object', optional: true });
  });
});
