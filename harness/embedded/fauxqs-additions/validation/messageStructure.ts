import * as z from 'zod';
import { InvalidParameterException } from '../errors.ts';

const JsonStructure = z.looseObject({ default: z.string(), sqs: z.unknown().optional() });

/**
 * The message an SQS subscriber receives from a `MessageStructure=json` publish: the `sqs` member when it is a
 * string, else `default`; a body that is not JSON, or has no string `default`, is a 400 InvalidParameter
 * (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html; LocalStack's AWS-validated snapshots
 * `test_sns.py::TestSNSPublishCrud::test_message_structure_json_exc` and
 * `TestSNSSubscriptionSQS::test_message_structure_json_to_sqs`).
 */
export function sqsMessageOfJsonStructure(message: string): string {
  let document: unknown;
  try {
    document = JSON.parse(message);
  } catch {
    throw new InvalidParameterException('Invalid parameter: Message Structure - JSON message body failed to parse');
  }
  const structure = JsonStructure.safeParse(document);
  if (!structure.success) {
    throw new InvalidParameterException('Invalid parameter: Message Structure - No default entry in JSON message body');
  }
  return typeof structure.data.sqs === 'string' ? structure.data.sqs : structure.data.default;
}
