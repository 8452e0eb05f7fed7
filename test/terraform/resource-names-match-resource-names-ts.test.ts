import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { loadTopology, repoRoot } from '../../harness/topology/loadTopology.ts';
import { consumerResourceNames, outcomesQueueName, topicName } from '../../harness/topology/resourceNames.ts';
import { evaluateNameTemplate } from './support/evaluateNameTemplate.ts';
import { block, loadTerraformModule, stringAttribute, subscriberModuleDir, terraformRoot } from './support/terraformModule.ts';

describe('resource names derived by Terraform', () => {
  it('are the topic and outcomes queue names that resourceNames.ts derives', async () => {
    // Prepare
    const topology = await loadTopology();
    const root = await loadTerraformModule(terraformRoot);
    const variables = { name_prefix: topology.name_prefix, topic_name: topology.topic_name, outcomes_queue_name: topology.outcomes_queue_name };

    // Act
    const topic = evaluateNameTemplate(stringAttribute(block(root.resources, 'aws_sns_topic', 'order_events'), 'name'), root, variables);
    const outcomes = evaluateNameTemplate(stringAttribute(block(root.resources, 'aws_sqs_queue', 'outcomes'), 'name'), root, variables);

    // Assess
    expect({ topic, outcomes }).toEqual({ topic: topicName(topology), outcomes: outcomesQueueName(topology) });
  });

  it.each(['order-processor', 'fraud-screening'])('are the queue, DLQ, function, log group and bundle names of consumer %s', async (consumer) => {
    // Prepare
    const topology = await loadTopology();
    const root = await loadTerraformModule(terraformRoot);
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const variables = {
      name_prefix: topology.name_prefix,
      consumer_name: consumer,
      lambda_dist_dir: String(root.variables.lambda_dist_dir?.default),
    };
    const name = (type: string, resource: string, attribute: string) =>
      evaluateNameTemplate(stringAttribute(block(subscriber.resources, type, resource), attribute), subscriber, variables);

    // Act
    const derived = {
      consumer,
      queue: name('aws_sqs_queue', 'main', 'name'),
      deadLetterQueue: name('aws_sqs_queue', 'dead_letter', 'name'),
      functionName: name('aws_lambda_function', 'main', 'function_name'),
      logGroup: name('aws_cloudwatch_log_group', 'main', 'name'),
      // The bundle path is relative to the root module, where terraform runs.
      zip: path.relative(repoRoot, path.resolve(terraformRoot, name('aws_lambda_function', 'main', 'filename'))).split(path.sep).join('/'),
    };

    // Assess
    expect(derived).toEqual(consumerResourceNames(topology, consumer));
  });
});
