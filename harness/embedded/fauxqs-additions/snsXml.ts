import { randomUUID } from 'node:crypto';
import type { SnsAdditionError } from './errors.ts';

const SNS_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an XML element body. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

/** `<{Action}Response><{Action}Result>…</{Action}Result><ResponseMetadata>…` as SNS's Query protocol answers. */
export function snsResultXml(action: string, resultBody: string): string {
  return (
    `<${action}Response xmlns="${SNS_NAMESPACE}"><${action}Result>${resultBody}</${action}Result>` +
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`
  );
}

/** An attribute map as SNS serialises one: `<entry><key>…</key><value>…</value></entry>` inside `<Attributes>`. */
export function attributesXml(attributes: Readonly<Record<string, string>>): string {
  const entries = Object.entries(attributes)
    .map(([key, value]) => `<entry><key>${escapeXml(key)}</key><value>${escapeXml(value)}</value></entry>`)
    .join('');
  return `<Attributes>${entries}</Attributes>`;
}

/** SNS's error document, which the SDK's awsQuery deserializer reads (`Error/Code`, `Error/Message`). */
export function snsErrorXml(error: SnsAdditionError): string {
  return (
    `<ErrorResponse xmlns="${SNS_NAMESPACE}"><Error><Type>${error.senderFault ? 'Sender' : 'Receiver'}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`
  );
}
