/** A message attribute as SNS and SQS take it: the SDK types of both fit. */
interface AttributeValue {
  DataType?: string | undefined;
  StringValue?: string | undefined;
  BinaryValue?: Uint8Array | undefined;
}

/**
 * A message's size as SNS and SQS count it against their 256 KiB limits (one message, or a whole batch):
 * the body, and each attribute's name, data type and value
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html).
 */
export function messageBytes(body: string, attributes: Readonly<Record<string, AttributeValue>>): number {
  let bytes = Buffer.byteLength(body);
  for (const [name, value] of Object.entries(attributes)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '');
    bytes += value.StringValue !== undefined ? Buffer.byteLength(value.StringValue) : (value.BinaryValue?.byteLength ?? 0);
  }
  return bytes;
}
