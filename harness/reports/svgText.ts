/** Text as SVG character data or an attribute value. */
export function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The text cut with an ellipsis to what fits in `width` px at about `charWidth` px a character (12 px sans-serif). */
export function fit(text: string, width: number, charWidth = 6.6): string {
  const max = Math.floor((width - 16) / charWidth);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
