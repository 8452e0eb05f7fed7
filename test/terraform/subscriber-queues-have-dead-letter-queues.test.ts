import { describe, expect, it } from '@jest/globals';
import { block, loadTerraformModule, stringAttribute, subscriberModuleDir } from './support/terraformModule.ts';

const fourteenDays = 14 * 24 * 60 * 60;

/** The queue a redrive policy sends to, read from its `jsonencode({...})` source. */
function redriveTarget(redrivePolicy: string): { target: string | undefined; maxReceiveCount: string | undefined } {
  return {
    target: /deadLetterTargetArn\s*=\s*aws_sqs_queue\.([\w-]+)\.arn/.exec(redrivePolicy)?.[1],
    maxReceiveCount: /maxReceiveCount\s*=\s*([\w.]+)/.exec(redrivePolicy)?.[1],
  };
}

describe('queues of the subscriber module', () => {
  it('each either redrives to a dead-letter queue after max_receive_count or is that dead-letter queue', async () => {
    // Prepare
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const queues = subscriber.resources.aws_sqs_queue ?? {};

    // Act
    const redrives = Object.entries(queues)
      .filter(([, queue]) => Object.hasOwn(queue, 'redrive_policy'))
      .map(([name, queue]) => ({ name, ...redriveTarget(stringAttribute(queue, 'redrive_policy')) }));
    const deadLetterQueues = new Set(redrives.map(({ target }) => target));
    const neither = Object.keys(queues).filter((name) => !redrives.some((r) => r.name === name) && !deadLetterQueues.has(name));

    // Assess
    expect(Object.keys(queues).length).toBeGreaterThanOrEqual(2);
    expect(neither).toEqual([]);
    for (const { name, target, maxReceiveCount } of redrives) {
      expect({ name, targetDeclared: target !== undefined && Object.hasOwn(queues, target), maxReceiveCount })
        .toEqual({ name, targetDeclared: true, maxReceiveCount: 'var.consumer.max_receive_count' });
      expect(target).not.toBe(name);
    }
  });

  it('keep dead letters 14 days and accept redrives only from their own source queue', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const deadLetter = block(subscriber.resources, 'aws_sqs_queue', 'dead_letter');
    const allow = block(subscriber.resources, 'aws_sqs_queue_redrive_allow_policy', 'dead_letter');

    expect(deadLetter.message_retention_seconds).toBe('${local.dlq_message_retention_seconds}');
    expect(subscriber.locals.dlq_message_retention_seconds).toBe(fourteenDays);
    expect(allow.queue_url).toBe('${aws_sqs_queue.dead_letter.id}');
    expect(stringAttribute(allow, 'redrive_allow_policy')).toMatch(/redrivePermission\s*=\s*"byQueue"/);
    expect(stringAttribute(allow, 'redrive_allow_policy')).toMatch(/sourceQueueArns\s*=\s*\[aws_sqs_queue\.main\.arn\]/);
  });
});
