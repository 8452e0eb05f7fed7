import { describe, expect, it } from '@jest/globals';
import { applyTimerOverrides } from '../../harness/topology/loadTopology.ts';
import { TopologySchema } from '../../harness/topology/topologySchema.ts';
import { loadTerraformModule, terraformRoot } from './support/terraformModule.ts';

describe('timer_overrides', () => {
  it('are merged into every consumer, dropping the fields that are not set, as applyTimerOverrides does', async () => {
    // Prepare
    const root = await loadTerraformModule(terraformRoot);
    const topology = TopologySchema.parse({
      region: 'us-east-1', name_prefix: 'p', topic_name: 't', outcomes_queue_name: 'o',
      consumers: {
        c: {
          handler: 'index.handler', timeout: 10, memory_size: 128, visibility_timeout_seconds: 60,
          message_retention_seconds: 60, max_receive_count: 3, batch_size: 10, maximum_batching_window_seconds: 0,
          maximum_concurrency: 2, raw_message_delivery: false, filter_policy: null, environment: {},
        },
      },
      timer_overrides: { timeout: 1 },
    });

    // Act
    const effective = applyTimerOverrides(topology).consumers.c;

    // Assess: TypeScript keeps the consumer's own value where the override is not set...
    expect(effective).toMatchObject({ timeout: 1, visibility_timeout_seconds: 60, max_receive_count: 3 });
    // ...and Terraform filters out null overrides before merging them over each consumer.
    expect(root.locals.timer_overrides).toBe('${{ for field, value in var.timer_overrides : field => value if value != null }}');
    expect(root.locals.consumers).toBe('${{ for name, consumer in var.consumers : name => merge(consumer, local.timer_overrides) }}');
    expect(root.modules.subscriber?.for_each).toBe('${local.consumers}');
  });
});
