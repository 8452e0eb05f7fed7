import { InvalidParameterException } from './errors.ts';

/** Whether a log event's message matches a filter pattern. */
export type MessageMatcher = (message: string) => boolean;

/** Reads a double-quoted string starting at `start` (backslash escapes `"` and `\`). */
export function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === '\\' && i + 1 < text.length) {
      value += text.charAt(i + 1);
      i += 2;
      continue;
    }
    if (char === '"') {
      return { value, end: i + 1 };
    }
    value += char;
    i += 1;
  }
  throw new InvalidParameterException('Invalid filter pattern: unterminated quoted string');
}

/**
 * A `%regex%` body. CloudWatch Logs refuses parentheses (no sub-patterns),
 * which also keeps user regexes clear of catastrophic backtracking here.
 */
export function compileRegex(body: string): RegExp {
  if (body === '' || /[()]/.test(body)) {
    throw new InvalidParameterException(`Invalid filter pattern: unsupported regular expression %${body}%`);
  }
  try {
    return new RegExp(body);
  } catch {
    throw new InvalidParameterException(`Invalid filter pattern: unsupported regular expression %${body}%`);
  }
}
