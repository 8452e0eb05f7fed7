import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { ConsumerSchema, TimerOverridesSchema, TopologySchema } from '../../harness/topology/topologySchema.ts';
import { regexCalls } from './support/hclStringLiteral.ts';
import { loadTerraformModule, subscriberModuleDir, terraformRoot, validationsOf } from './support/terraformModule.ts';
import { jsonSchemaOf, zodObjectFields, type ZodField } from './support/zodFields.ts';

/** `min..max` and whole-number checks found in conditions such as `var.consumer.timeout >= 1 && ... <= 900 && floor(...)`. */
function terraformBounds(conditions: string[], subject: string): Record<string, string> {
  const bounds: Record<string, string> = {};
  const escaped = subject.replace(/\./g, '\\.');
  const pattern = new RegExp(`${escaped}\\.(\\w+) >= (\\d+) && ${escaped}\\.\\1 <= (\\d+) && floor\\(${escaped}\\.\\1\\) == ${escaped}\\.\\1`);
  for (const condition of conditions) {
    const [, field, min, max] = pattern.exec(condition) ?? [];
    if (field) bounds[field] = `integer ${min}..${max}`;
  }
  return bounds;
}

function zodBounds(fields: Record<string, ZodField>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields)
    .filter(([, field]) => field.integer)
    .map(([name, field]) => [name, `integer ${field.minimum}..${field.maximum}`]));
}

/** The regular expression each validation applies to `subject`. */
function terraformPatterns(conditions: string[], subject: string): string[] {
  return conditions.flatMap((condition) => regexCalls(condition)).filter((call) => call.subject === subject).map((call) => call.pattern);
}

describe('bounds and patterns of topologySchema.ts and the Terraform validations', () => {
  it('agree on the range of every numeric consumer field', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const conditions = validationsOf(subscriber.variables.consumer).map(({ condition }) => condition);

    expect(terraformBounds(conditions, 'var.consumer')).toEqual(zodBounds(zodObjectFields(ConsumerSchema)));
  });

  it('agree on the range of every timer override, each checked only when set', async () => {
    const root = await loadTerraformModule(terraformRoot);
    const conditions = validationsOf(root.variables.timer_overrides).map(({ condition }) => condition);

    expect(terraformBounds(conditions, 'var.timer_overrides')).toEqual(zodBounds(zodObjectFields(TimerOverridesSchema)));
    for (const condition of conditions) expect(condition).toMatch(/^\$\{var\.timer_overrides\.(\w+) == null \? true : \(/);
  });

  it('agree on the patterns of the region, the names and the handler', async () => {
    // Prepare
    const root = await loadTerraformModule(terraformRoot);
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const topology = zodObjectFields(TopologySchema);
    const consumer = zodObjectFields(ConsumerSchema);
    const consumerNames = z.looseObject({ propertyNames: z.looseObject({ pattern: z.string() }) })
      .parse(jsonSchemaOf(TopologySchema).properties?.consumers).propertyNames.pattern;

    // Act
    const conditionsOf = (variable: string) => validationsOf(root.variables[variable]).map(({ condition }) => condition);
    const actual = {
      region: terraformPatterns(conditionsOf('region'), 'var.region'),
      name_prefix: terraformPatterns(conditionsOf('name_prefix'), 'var.name_prefix'),
      topic_name: terraformPatterns(conditionsOf('topic_name'), 'var.topic_name'),
      outcomes_queue_name: terraformPatterns(conditionsOf('outcomes_queue_name'), 'var.outcomes_queue_name'),
      consumer_names: terraformPatterns(conditionsOf('consumers'), 'name'),
      handler: terraformPatterns(validationsOf(subscriber.variables.consumer).map(({ condition }) => condition), 'var.consumer.handler'),
    };

    // Assess
    expect(actual).toEqual({
      region: [topology.region?.pattern],
      name_prefix: [topology.name_prefix?.pattern],
      topic_name: [topology.topic_name?.pattern],
      outcomes_queue_name: [topology.outcomes_queue_name?.pattern],
      consumer_names: [consumerNames],
      handler: [consumer.handler?.pattern],
    });
  });
});
