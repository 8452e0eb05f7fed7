import { forward } from '../queryParams.ts';
import type { AdditionStores, QueryParams, SnsOutcome } from '../types.ts';
import { messageAttributesOf, validateMessageAttributes } from '../validation/messageAttributes.ts';
import { sqsMessageOfJsonStructure } from '../validation/messageStructure.ts';

/**
 * Publish: message attributes SNS rejects are a 400 (ParameterValueInvalid, or ValidationError for a missing
 * DataType) and nothing is delivered; fauxqs 2.4.1 delivers them. With `MessageStructure=json`, SQS
 * subscribers receive the `sqs` member (or `default`); fauxqs 2.4.1 delivers the whole document. fauxqs
 * delivers to SQS subscriptions only, so handing it the SQS message is exact.
 */
export function publish(params: QueryParams, _stores: AdditionStores): SnsOutcome {
  validateMessageAttributes(messageAttributesOf(params, 'MessageAttributes.entry'), 'messageAttributes');
  if (params.MessageStructure !== 'json' || params.Message === undefined) return forward(params);
  const { MessageStructure: _structure, ...rest } = params;
  return forward({ ...rest, Message: sqsMessageOfJsonStructure(params.Message) });
}
