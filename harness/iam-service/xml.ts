/**
 * XML rendering for the AWS Query protocol, laid out as IAM and STS lay out
 * their responses: two-space indentation, one element per line, a final
 * newline, lists as `<member>` children, empty structures and lists as
 * `<Name/>` (AWS wire captures in getmoto/moto#8157 and the STS probes of
 * versity/versitygw).
 */

// XML 1.0 cannot carry these code points even as character references; a
// request that echoes one back (a validation message quoting the input) gets
// U+FFFD instead, so the response still parses. (Listing the allowed control characters is the point here.)
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// A carriage return is written as a reference: parsers turn a literal one into a line feed.
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };

/**
 * Escapes text for element content. Quotes stay as they are, as in AWS's
 * messages (`Value 'bad/name' at 'roleSessionName' ...` on the wire).
 */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '\uFFFD').replace(/[&<>\r]/g, (char) => ENTITIES[char] ?? char);
}

function escapeAttribute(text: string): string {
  return escapeXml(text).replaceAll('"', '&quot;');
}

/** IAM and STS write timestamps as ISO 8601 in UTC without fractions: `2026-02-11T17:01:53Z`. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The lines of one element holding `value`: text for scalars, children for
 * objects (in key order, `undefined` members left out) and `<member>`
 * children for arrays. Returns no lines for `undefined`.
 */
export function elementLines(name: string, value: unknown, depth: number): string[] {
  const pad = '  '.repeat(depth);
  if (value === undefined || value === null) {
    return [];
  }
  if (value instanceof Date) {
    return [`${pad}<${name}>${formatTimestamp(value)}</${name}>`];
  }
  if (Array.isArray(value)) {
    const children = value.flatMap((item: unknown) => elementLines('member', item, depth + 1));
    return children.length === 0 ? [`${pad}<${name}/>`] : [`${pad}<${name}>`, ...children, `${pad}</${name}>`];
  }
  if (typeof value === 'object') {
    const children = Object.entries(value).flatMap(([key, item]) => elementLines(key, item, depth + 1));
    return children.length === 0 ? [`${pad}<${name}/>`] : [`${pad}<${name}>`, ...children, `${pad}</${name}>`];
  }
  return [`${pad}<${name}>${escapeXml(String(value))}</${name}>`];
}

/** A whole response document: the root element in `namespace` around `children`. */
export function xmlDocument(root: string, namespace: string, children: readonly (readonly [string, unknown])[]): string {
  const lines = children.flatMap(([name, value]) => elementLines(name, value, 1));
  return [`<${root} xmlns="${escapeAttribute(namespace)}">`, ...lines, `</${root}>`, ''].join('\n');
}
