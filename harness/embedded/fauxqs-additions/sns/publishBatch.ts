import { forward, indexedMembers } from '../queryParams.ts';
import type { AdditionStores, QueryParams, SnsOutcome } from '../types.ts';
import { messageAttributesOf, validateMessageAttributes } from '../validation/messageAttributes.ts';
import { sqsMessageOfJsonStructure } from '../validation/messageStructure.ts';

const ENTRIES = 'PublishBatchRequestEntries.member';

/**
 * PublishBatch: an entry with message attributes SNS rejects, or a `MessageStructure=json` message without a
 * `default`, fails the whole request, as AWS answers it (LocalStack's AWS-validated snapshots
 * `test_sns.py::TestSNSSubscriptionSQS::test_empty_or_wrong_message_attributes` `batch-*`,
 * `::test_publish_batch_exceptions` `no-default-key-json`); JSON-structured entries reach SQS subscribers as
 * their `sqs` member (or `default`).
 */
export function publishBatch(params: QueryParams, _stores: AdditionStores): SnsOutcome {
  const rewritten = new Map(Object.entries(params));
  for (const { index, fields } of indexedMembers(params, ENTRIES)) {
    const entry = `${ENTRIES}.${index}`;
    validateMessageAttributes(
      messageAttributesOf(params, `${entry}.MessageAttributes.entry`),
      `publishBatchRequestEntries.${index}.member.messageAttributes`,
    );
    if (fields.MessageStructure === 'json' && fields.Message !== undefined) {
      rewritten.set(`${entry}.Message`, sqsMessageOfJsonStructure(fields.Message));
      rewritten.delete(`${entry}.MessageStructure`);
    }
  }
  return forward(Object.fromEntries(rewritten));
}
