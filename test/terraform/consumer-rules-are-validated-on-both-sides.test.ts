import { describe, expect, it } from '@jest/globals';
import { ConsumerSchema, type Consumer } from '../../harness/topology/topologySchema.ts';
import { loadTerraformModule, subscriberModuleDir, validationsOf } from './support/terraformModule.ts';

const valid: Consumer = {
  handler: 'index.handler', timeout: 10, memory_size: 128, visibility_timeout_seconds: 60,
  message_retention_seconds: 345600, max_receive_count: 3, batch_size: 10, maximum_batching_window_seconds: 0,
  maximum_concurrency: 5, raw_message_delivery: false, filter_policy: null, environment: {},
};

/**
 * Rules across fields: each with a consumer that breaks it and the Terraform condition that must reject
 * it. `refinement` marks the rules ConsumerSchema checks with a refinement of its own (a `custom` issue,
 * whose message Terraform must word alike); the others are type checks of a single field.
 */
const rules = [
  {
    rule: 'the queue visibility timeout covers the function timeout',
    breaking: { ...valid, timeout: 30, visibility_timeout_seconds: 20 },
    condition: '${var.consumer.visibility_timeout_seconds >= var.consumer.timeout}',
    refinement: true,
  },
  {
    rule: 'batches above 10 records need a batching window',
    breaking: { ...valid, batch_size: 100, maximum_batching_window_seconds: 0 },
    condition: '${var.consumer.batch_size <= 10 || var.consumer.maximum_batching_window_seconds >= 1}',
    refinement: true,
  },
  {
    rule: 'a filter policy is null or a JSON object',
    breaking: { ...valid, filter_policy: ['orderTotal'] },
    condition: '${var.consumer.filter_policy == null || can(keys(var.consumer.filter_policy))}',
    refinement: false,
  },
];

describe('rules across consumer fields', () => {
  it.each(rules)('$rule: rejected by ConsumerSchema and by a validation of the same wording in Terraform', async ({ breaking, condition, refinement }) => {
    // Prepare
    const subscriber = await loadTerraformModule(subscriberModuleDir);

    // Act
    const parsed = ConsumerSchema.safeParse(breaking);
    const validation = validationsOf(subscriber.variables.consumer).find((v) => v.condition === condition);

    // Assess
    expect(ConsumerSchema.safeParse(valid).success).toBe(true);
    expect(parsed.success).toBe(false);
    expect(validation).toBeDefined();
    const custom = parsed.error?.issues.find((issue) => issue.code === 'custom');
    if (!refinement) {
      expect(custom).toBeUndefined();
      return;
    }
    expect(custom).toBeDefined();
    // Terraform messages end with a full stop; the wording is the same.
    expect(validation?.error_message.replace(/\.$/, '')).toBe(custom?.message);
  });
});
