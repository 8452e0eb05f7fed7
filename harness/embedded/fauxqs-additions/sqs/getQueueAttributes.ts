import type { GetQueueAttributesResult } from '@aws-sdk/client-sqs';
import * as z from 'zod';

const QueueAttributes = z.looseObject({ Attributes: z.record(z.string(), z.string()).optional() });

/** Attributes SQS stops reporting once they are set to "" (how a policy is removed). */
const REMOVABLE = ['Policy', 'RedrivePolicy', 'RedriveAllowPolicy', 'KmsMasterKeyId'];

/**
 * GetQueueAttributes: a `Policy`, `RedrivePolicy`, `RedriveAllowPolicy` or `KmsMasterKeyId` set to "" is
 * absent, as when it was never set (LocalStack's AWS-validated snapshot `test_sqs.py::TestSqsProvider::
 * test_sqs_permission_lifecycle`, `get-queue-policy-attribute-after-removal`); fauxqs 2.4.1 reports
 * `"Policy": ""`. A queue encrypted with a KMS key reports `SqsManagedSseEnabled` "false"
 * (`test_sqs.py::TestSqsProvider::test_sse_queue_attributes`).
 */
export function omitRemovedQueueAttributes(_requestBody: unknown, response: unknown): GetQueueAttributesResult | undefined {
  const parsed = QueueAttributes.safeParse(response);
  if (!parsed.success || !parsed.data.Attributes) return undefined;
  const attributes = Object.fromEntries(Object.entries(parsed.data.Attributes).filter(([name, value]) => !(REMOVABLE.includes(name) && value === '')));
  if (attributes.KmsMasterKeyId && attributes.SqsManagedSseEnabled !== undefined) attributes.SqsManagedSseEnabled = 'false';
  return { ...parsed.data, Attributes: attributes } satisfies GetQueueAttributesResult;
}
