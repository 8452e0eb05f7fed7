import { toLogRecord, type LambdaLogRecord } from '../observation/LambdaLogRecord.ts';

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
 * returned trimmed. Takes the record already read (its fields are not parsed again), or a raw line.
 */
export function renderLogLine(line: string | LambdaLogRecord): string {
  const record = typeof line === 'string' ? toLogRecord(line) : line;
  const { fields } = record;
  if (!fields || typeof fields.message !== 'string') return record.text.trim();
  const extra = Object.entries(fields)
    .filter(([key, raw]) => !OMITTED.has(key) && raw !== undefined && raw !== null && raw !== '')
    .map(([key, raw]) => `${key}: ${value(raw)}`);
  return [`${typeof fields.level === 'string' ? fields.level : 'LOG'} ${fields.message}`, ...extra].join('; ');
}
