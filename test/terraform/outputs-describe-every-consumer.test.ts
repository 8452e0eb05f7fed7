import { describe, expect, it } from '@jest/globals';
import { loadTerraformModule, stringAttribute, subscriberModuleDir, terraformRoot } from './support/terraformModule.ts';

const perConsumer = [
  'dlq_arn', 'dlq_name', 'dlq_url', 'event_source_mapping_uuid', 'function_arn', 'function_name',
  'log_group_name', 'queue_arn', 'queue_name', 'queue_url', 'subscription_arn',
];

describe('root outputs', () => {
  it('give the specs the region, the topic, the outcomes queue and the publisher environment', async () => {
    const root = await loadTerraformModule(terraformRoot);

    expect(Object.keys(root.outputs)).toEqual(expect.arrayContaining([
      'region', 'topic_arn', 'topic_name', 'outcomes_queue_url', 'outcomes_queue_arn', 'consumers', 'publisher_environment',
    ]));
    const environment = stringAttribute(root.outputs.publisher_environment ?? {}, 'value');
    for (const name of ['ORDER_EVENTS_TOPIC_ARN', 'AWS_REGION', 'AWS_ENDPOINT_URL']) expect(environment).toContain(name);
  });

  it('describe every consumer with attributes that the subscriber module outputs', async () => {
    // Prepare
    const root = await loadTerraformModule(terraformRoot);
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const value = stringAttribute(root.outputs.consumers ?? {}, 'value');

    // Act
    const assignments = [...value.matchAll(/(\w+)\s*=\s*subscriber\.(\w+)/g)].map(([, key, output]) => ({ key, output }));

    // Assess
    expect(value).toMatch(/for name, subscriber in module\.subscriber : name =>/);
    expect(assignments.map(({ key }) => key).sort()).toEqual(perConsumer);
    expect(assignments.filter(({ key, output }) => key !== output || !Object.hasOwn(subscriber.outputs, output ?? ''))).toEqual([]);
  });
});
