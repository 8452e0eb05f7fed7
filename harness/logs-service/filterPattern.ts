import { InvalidParameterException } from './errors.ts';
import { compileJsonPattern } from './jsonFilterPattern.ts';
import { compileRegex, readQuoted, type MessageMatcher } from './patternText.ts';

export type { MessageMatcher } from './patternText.ts';

type TermKind = 'required' | 'optional' | 'excluded';

interface Term {
  kind: TermKind;
  test: MessageMatcher;
}

const MATCH_ALL: MessageMatcher = () => true;

/**
 * Compiles a FilterLogEvents `filterPattern` ("Filter pattern syntax for
 * metric filters, subscription filters, filter log events, and Live Tail",
 * CloudWatch Logs user guide). Supported: the empty pattern and `" "` (every
 * event); terms, all of which must appear (`ERROR ARGUMENTS`); exact phrases
 * in double quotes; `?term` alternatives, of which at least one must appear;
 * `-term` exclusions; `%regex%` terms; JSON patterns `{ $.field = "value" }`
 * (see `jsonFilterPattern.ts`). Matching is case-sensitive. Space-delimited
 * patterns (`[ip, user, ...]`) are not emulated and are refused.
 */
export function compileFilterPattern(pattern: string | undefined): MessageMatcher {
  const text = (pattern ?? '').trim();
  if (text === '') {
    return MATCH_ALL;
  }
  if (text.startsWith('{')) {
    return compileJsonPattern(text);
  }
  if (text.startsWith('[')) {
    throw new InvalidParameterException(
      'Invalid filter pattern: space-delimited patterns ([...]) are not supported by the embedded CloudWatch Logs service',
    );
  }
  return compileTerms(text);
}

function compileTerms(text: string): MessageMatcher {
  const terms = tokenizeTerms(text);
  if (terms.some((term) => term.test === MATCH_ALL && term.kind === 'required')) {
    return MATCH_ALL;
  }
  const required = terms.filter((term) => term.kind === 'required');
  const optional = terms.filter((term) => term.kind === 'optional');
  const excluded = terms.filter((term) => term.kind === 'excluded');
  return (message) =>
    required.every((term) => term.test(message)) &&
    (optional.length === 0 || optional.some((term) => term.test(message))) &&
    !excluded.some((term) => term.test(message));
}

function tokenizeTerms(text: string): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text.charAt(i))) {
      i += 1;
      continue;
    }
    let kind: TermKind = 'required';
    const prefix = text.charAt(i);
    if ((prefix === '?' || prefix === '-') && i + 1 < text.length && !/\s/.test(text.charAt(i + 1))) {
      kind = prefix === '?' ? 'optional' : 'excluded';
      i += 1;
    }
    const start = text.charAt(i);
    if (start === '"') {
      const { value, end } = readQuoted(text, i);
      terms.push({ kind, test: value.trim() === '' ? MATCH_ALL : (message) => message.includes(value) });
      i = end;
    } else if (start === '%') {
      const close = text.indexOf('%', i + 1);
      if (close < 0) {
        throw new InvalidParameterException('Invalid filter pattern: a regular expression must end with %');
      }
      const regex = compileRegex(text.slice(i + 1, close));
      terms.push({ kind, test: (message) => regex.test(message) });
      i = close + 1;
    } else {
      let end = i;
      while (end < text.length && !/\s/.test(text.charAt(end))) {
        end += 1;
      }
      const word = text.slice(i, end);
      terms.push({ kind, test: (message) => message.includes(word) });
      i = end;
    }
  }
  return terms;
}
