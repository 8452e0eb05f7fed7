/**
 * Keys every Powertools line carries, or that name the record: a reader looking at one order's lines has
 * them already, so a readable line leaves them out.
 */
const OMITTED = new Set([
  'level',
  'message',
  'timestamp',
  'service',
  'cold_start',
  'function_arn',
  'function_memory_size',
  'function_name',
  'function_request_id',
  'sampling_rate',
  'xray_trace_id',
  'messageId',
  'orderId',
  'correlationId',
]);

function value(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (raw !== null && typeof raw === 'object' && 'message' in raw && typeof raw.message === 'string') {
    const name = 'name' in raw && typeof raw.name === 'string' ? `${raw.name}: ` : '';
    return `${name}${raw.message}`;
  }
  return JSON.stringify(raw);
}

/**
 * A log line as a person reads it: a Powertools JSON line becomes `ERROR record rejected; reason: ...` (level,
 * message, and the keys that are not boilerplate, an error by its name and message); any other line is
 * returned trimmed.
 */
export function renderLogLine(line: string): string {
  const start = line.indexOf('{');
  if (start < 0) return line.trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(start));
  } catch {
    return line.trim();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return line.trim();
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.message !== 'string') return line.trim();
  const extra = Object.entries(fields)
    .filter(([key, raw]) => !OMITTED.has(key) && raw !== undefined && raw !== null && raw !== '')
    .map(([key, raw]) => `${key}: ${value(raw)}`);
  return [`${typeof fields.level === 'string' ? fields.level : 'LOG'} ${fields.message}`, ...extra].join('; ');
}
