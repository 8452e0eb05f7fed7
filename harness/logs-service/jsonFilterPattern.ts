import { InvalidParameterException } from './errors.ts';
import { compileRegex, readQuoted, type MessageMatcher } from './patternText.ts';

/** A JSON pattern's condition, evaluated on the parsed message. */
type Condition = (document: unknown) => boolean;

type Token =
  | { type: 'punct'; value: '(' | ')' | '&&' | '||' }
  | { type: 'op'; value: '=' | '!=' | '<' | '<=' | '>' | '>=' }
  | { type: 'selector'; path: (string | number)[] }
  | { type: 'string'; value: string }
  | { type: 'regex'; value: RegExp }
  | { type: 'word'; value: string };

const MISSING = Symbol('missing');

/**
 * Compiles a JSON filter pattern: `{ SELECTOR OP VALUE }` conditions joined
 * with `&&` and `||` and grouped with parentheses. Selectors are `$.a.b`
 * and `$.list[0]`; values are quoted or bare strings (`*` is a wildcard),
 * numbers, or `%regex%`. `=` and `!=` compare strings or numbers, `<`, `<=`,
 * `>`, `>=` numbers only; `IS TRUE`, `IS FALSE`, `IS NULL` and `NOT EXISTS`
 * test a field ("Using filter patterns to match terms in JSON log events",
 * CloudWatch Logs user guide). A message that is not a JSON document
 * matches no JSON pattern.
 */
export function compileJsonPattern(text: string): MessageMatcher {
  if (!text.endsWith('}')) {
    throw invalid('a JSON pattern must end with }');
  }
  const tokens = tokenize(text.slice(1, -1));
  const parser = new Parser(tokens);
  const condition = parser.parseOr();
  parser.expectEnd();
  return (message) => {
    let document: unknown;
    try {
      document = JSON.parse(message);
    } catch {
      return false;
    }
    return typeof document === 'object' && document !== null && condition(document);
  };
}

class Parser {
  readonly #tokens: Token[];
  #at = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  parseOr(): Condition {
    const parts = [this.#parseAnd()];
    while (this.#peekPunct('||')) {
      this.#at += 1;
      parts.push(this.#parseAnd());
    }
    return parts.length === 1 ? (parts[0] ?? never) : (doc) => parts.some((part) => part(doc));
  }

  expectEnd(): void {
    if (this.#at < this.#tokens.length) {
      throw invalid('unexpected text after the condition');
    }
  }

  #parseAnd(): Condition {
    const parts = [this.#parseUnary()];
    while (this.#peekPunct('&&')) {
      this.#at += 1;
      parts.push(this.#parseUnary());
    }
    return parts.length === 1 ? (parts[0] ?? never) : (doc) => parts.every((part) => part(doc));
  }

  #parseUnary(): Condition {
    if (this.#peekPunct('(')) {
      this.#at += 1;
      const inner = this.parseOr();
      if (!this.#peekPunct(')')) {
        throw invalid('missing )');
      }
      this.#at += 1;
      return inner;
    }
    return this.#parseComparison();
  }

  #parseComparison(): Condition {
    const selector = this.#next();
    if (selector?.type !== 'selector') {
      throw invalid('a condition must start with a selector such as $.field');
    }
    const { path } = selector;
    const next = this.#next();
    if (next?.type === 'word' && next.value === 'IS') {
      const what = this.#next();
      const expected = what?.type === 'word' ? { TRUE: true, FALSE: false, NULL: null }[what.value] : undefined;
      if (expected === undefined) {
        throw invalid('IS must be followed by TRUE, FALSE or NULL');
      }
      return (doc) => select(doc, path) === expected;
    }
    if (next?.type === 'word' && next.value === 'NOT') {
      const what = this.#next();
      if (what?.type !== 'word' || what.value !== 'EXISTS') {
        throw invalid('NOT must be followed by EXISTS');
      }
      return (doc) => select(doc, path) === MISSING;
    }
    if (next?.type !== 'op') {
      throw invalid('expected a comparison operator');
    }
    const value = this.#next();
    if (value === undefined || (value.type !== 'string' && value.type !== 'word' && value.type !== 'regex')) {
      throw invalid('expected a value after the operator');
    }
    return comparison(path, next.value, value);
  }

  #peekPunct(value: string): boolean {
    const token = this.#tokens[this.#at];
    return token?.type === 'punct' && token.value === value;
  }

  #next(): Token | undefined {
    const token = this.#tokens[this.#at];
    this.#at += 1;
    return token;
  }
}

function comparison(
  path: (string | number)[],
  op: '=' | '!=' | '<' | '<=' | '>' | '>=',
  value: { type: 'string' | 'word'; value: string } | { type: 'regex'; value: RegExp },
): Condition {
  const number = value.type === 'word' ? Number(value.value) : Number.NaN;
  if (op !== '=' && op !== '!=') {
    if (Number.isNaN(number)) {
      throw invalid(`${op} compares numbers only`);
    }
    return (doc) => {
      const field = select(doc, path);
      if (typeof field !== 'number') {
        return false;
      }
      return op === '<' ? field < number : op === '<=' ? field <= number : op === '>' ? field > number : field >= number;
    };
  }
  const equals = equality(value, number);
  return (doc) => {
    const result = equals(select(doc, path));
    return result === undefined ? false : op === '=' ? result : !result;
  };
}

/** Equality of a field and a value; undefined when they cannot be compared (the condition is false). */
function equality(
  value: { type: 'string' | 'word'; value: string } | { type: 'regex'; value: RegExp },
  number: number,
): (field: unknown) => boolean | undefined {
  if (value.type === 'regex') {
    const regex = value.value;
    return (field) => (typeof field === 'string' ? regex.test(field) : undefined);
  }
  const wildcard = new RegExp(`^${value.value.split('*').map(escapeRegex).join('.*')}$`, 's');
  return (field) => {
    if (typeof field === 'number') {
      return Number.isNaN(number) ? undefined : field === number;
    }
    return typeof field === 'string' ? wildcard.test(field) : undefined;
  };
}

function select(document: unknown, path: readonly (string | number)[]): unknown {
  let cursor: unknown = document;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(cursor) || step >= cursor.length) {
        return MISSING;
      }
      cursor = cursor[step];
    } else {
      if (typeof cursor !== 'object' || cursor === null || Array.isArray(cursor) || !Object.hasOwn(cursor, step)) {
        return MISSING;
      }
      cursor = Reflect.get(cursor, step);
    }
  }
  return cursor;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    const two = text.slice(i, i + 2);
    if (/\s/.test(char)) {
      i += 1;
    } else if (two === '&&' || two === '||') {
      tokens.push({ type: 'punct', value: two });
      i += 2;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: 'punct', value: char });
      i += 1;
    } else if (two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ type: 'op', value: two });
      i += 2;
    } else if (char === '=' || char === '<' || char === '>') {
      tokens.push({ type: 'op', value: char });
      i += 1;
    } else if (char === '"') {
      const { value, end } = readQuoted(text, i);
      tokens.push({ type: 'string', value });
      i = end;
    } else if (char === '%') {
      const close = text.indexOf('%', i + 1);
      if (close < 0) {
        throw invalid('a regular expression must end with %');
      }
      tokens.push({ type: 'regex', value: compileRegex(text.slice(i + 1, close)) });
      i = close + 1;
    } else if (char === '$') {
      const { path, end } = readSelector(text, i);
      tokens.push({ type: 'selector', path });
      i = end;
    } else {
      let end = i;
      while (end < text.length && !/[\s()=!<>&|"]/.test(text.charAt(end))) {
        end += 1;
      }
      if (end === i) {
        throw invalid(`unexpected character ${char}`);
      }
      tokens.push({ type: 'word', value: text.slice(i, end) });
      i = end;
    }
  }
  return tokens;
}

function readSelector(text: string, start: number): { path: (string | number)[]; end: number } {
  const path: (string | number)[] = [];
  let i = start + 1;
  for (;;) {
    if (text.charAt(i) === '.') {
      let end = i + 1;
      while (end < text.length && /[^\s.[\]()=!<>&|"]/.test(text.charAt(end))) {
        end += 1;
      }
      if (end === i + 1) {
        throw invalid('a selector step needs a field name');
      }
      path.push(text.slice(i + 1, end));
      i = end;
    } else if (text.charAt(i) === '[') {
      const close = text.indexOf(']', i);
      const index = close < 0 ? Number.NaN : Number(text.slice(i + 1, close));
      if (!Number.isInteger(index) || index < 0) {
        throw invalid('an array selector needs a non-negative index');
      }
      path.push(index);
      i = close + 1;
    } else {
      break;
    }
  }
  if (path.length === 0) {
    throw invalid('a selector must name a field ($.field)');
  }
  return { path, end: i };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function never(): boolean {
  return false;
}

function invalid(reason: string): InvalidParameterException {
  return new InvalidParameterException(`Invalid filter pattern: ${reason}`);
}
