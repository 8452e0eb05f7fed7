import { InvalidParameterValueException, ValidationError } from '../errors.ts';
import { indexedMembers } from '../queryParams.ts';
import type { QueryParams } from '../types.ts';

/** One message attribute as the Query protocol sends it (`…entry.N.Name`, `…entry.N.Value.DataType`, …). */
interface MessageAttributeInput {
  name: string;
  dataType: string | undefined;
  stringValue: string | undefined;
  binaryValue: string | undefined;
}

const TYPE_WITH_SUFFIX = /^(String|Number|Binary)\..+$/;
const NAME_CHAR = /[A-Za-z0-9_.-]/;

/** The message attributes under `prefix` (`MessageAttributes.entry`, or a batch entry's). */
export function messageAttributesOf(params: QueryParams, prefix: string): MessageAttributeInput[] {
  return indexedMembers(params, prefix).map(({ fields }) => ({
    name: fields.Name ?? '',
    dataType: fields['Value.DataType'],
    stringValue: fields['Value.StringValue'],
    binaryValue: fields['Value.BinaryValue'],
  }));
}

/**
 * Rejects message attributes SNS rejects, with its codes and wording (LocalStack's AWS-validated snapshots
 * `test_sns.py::TestSNSSubscriptionSQS::test_empty_or_wrong_message_attributes` and
 * `::test_message_attributes_prefixes`; https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html).
 * `memberPrefix` names the attribute map in a ValidationError (`messageAttributes`, or
 * `publishBatchRequestEntries.1.member.messageAttributes`).
 */
export function validateMessageAttributes(attributes: readonly MessageAttributeInput[], memberPrefix: string): void {
  for (const attribute of attributes) {
    validateName(attribute.name);
    const { name, dataType } = attribute;
    if (dataType === undefined) throw ValidationError.missingMember(`${memberPrefix}.${name}.member.dataType`);
    if (!['String', 'Number', 'Binary'].includes(dataType) && !TYPE_WITH_SUFFIX.test(dataType)) {
      throw new InvalidParameterValueException(
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    }
    // Built only when thrown: an Error captures a stack, and this runs for every attribute of every publish.
    const empty = (): InvalidParameterValueException =>
      new InvalidParameterValueException(
        `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${dataType}'.`,
      );
    if (attribute.stringValue === undefined && attribute.binaryValue === undefined) throw empty();
    const field = dataType.startsWith('Binary') ? 'Binary' : 'String';
    const value = field === 'Binary' ? attribute.binaryValue : attribute.stringValue;
    if (value === undefined) {
      throw new InvalidParameterValueException(`The message attribute '${name}' with type '${dataType}' must use field '${field}'.`);
    }
    if (value === '') throw empty();
  }
}

function validateName(name: string): void {
  if (Buffer.byteLength(name) > 256) throw new InvalidParameterValueException('Length of message attribute name must be less than 256 bytes.');
  if (name.startsWith('.')) throw new InvalidParameterValueException("Invalid message attribute name starting with character '.' was found.");
  if (name.endsWith('.')) throw new InvalidParameterValueException("Invalid message attribute name ending with character '.' was found.");
  let previous = '';
  for (const char of name) {
    if (!NAME_CHAR.test(char)) {
      const code = `#x${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}`;
      throw new InvalidParameterValueException(
        `Invalid non-alphanumeric character '${code}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`,
      );
    }
    if (char === '.' && previous === '.') throw new InvalidParameterValueException("Message attribute name can not have successive '.' character.");
    previous = char;
  }
}
