/** A Terraform type constraint, e.g. `map(object({ a = optional(number) }))`. */
export type TerraformType =
  | { kind: 'string' | 'number' | 'bool' | 'any' }
  | { kind: 'list' | 'set' | 'map'; element: TerraformType }
  | { kind: 'tuple'; elements: TerraformType[] }
  | { kind: 'object'; attributes: Record<string, TerraformAttribute> };

export interface TerraformAttribute {
  type: TerraformType;
  /** Declared with `optional(...)`. */
  optional: boolean;
}

type Token = { kind: 'word' | 'punct' | 'literal'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|#[^\n]*|\/\/[^\n]*|(?<word>[A-Za-z_][\w-]*)|(?<literal>"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)|(?<punct>[(){}[\]=,:])/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < source.length && (match = pattern.exec(source))) {
    const groups = match.groups ?? {};
    if (groups.word !== undefined) tokens.push({ kind: 'word', text: groups.word });
    else if (groups.literal !== undefined) tokens.push({ kind: 'literal', text: groups.literal });
    else if (groups.punct !== undefined) tokens.push({ kind: 'punct', text: groups.punct });
  }
  if (pattern.lastIndex < source.length) {
    throw new Error(`cannot read type constraint at "${source.slice(pattern.lastIndex, pattern.lastIndex + 20)}"`);
  }
  return tokens;
}

class TypeParser {
  readonly tokens: Token[];
  position = 0;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  peek(): Token | undefined {
    return this.tokens[this.position];
  }

  next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new Error('unexpected end of type constraint');
    return token;
  }

  expect(text: string): void {
    const token = this.next();
    if (token.text !== text) throw new Error(`expected "${text}" in type constraint, found "${token.text}"`);
  }

  skipCommas(): void {
    while (this.peek()?.text === ',') this.position++;
  }

  /** Skips a default value of `optional(type, default)`, balancing brackets. */
  skipValue(): void {
    let depth = 0;
    for (;;) {
      const token = this.peek();
      if (!token) throw new Error('unexpected end of optional() default');
      if (depth === 0 && (token.text === ')' || token.text === ',')) return;
      if ('([{'.includes(token.text) && token.kind === 'punct') depth++;
      if (')]}'.includes(token.text) && token.kind === 'punct') depth--;
      this.position++;
    }
  }

  type(): TerraformType {
    const word = this.next();
    switch (word.text) {
      case 'string':
      case 'number':
      case 'bool':
      case 'any':
        return { kind: word.text };
      case 'list':
      case 'set':
      case 'map': {
        this.expect('(');
        const element = this.type();
        this.expect(')');
        return { kind: word.text, element };
      }
      case 'tuple': {
        this.expect('(');
        this.expect('[');
        const elements: TerraformType[] = [];
        while (this.peek()?.text !== ']') {
          elements.push(this.type());
          this.skipCommas();
        }
        this.expect(']');
        this.expect(')');
        return { kind: 'tuple', elements };
      }
      case 'object': {
        this.expect('(');
        this.expect('{');
        const attributes: Record<string, TerraformAttribute> = {};
        while (this.peek()?.text !== '}') {
          const name = this.next();
          if (name.kind !== 'word' && name.kind !== 'literal') throw new Error(`expected an attribute name, found "${name.text}"`);
          const key = name.kind === 'literal' ? name.text.slice(1, -1) : name.text;
          this.expect(this.peek()?.text === ':' ? ':' : '=');
          attributes[key] = this.attribute();
          this.skipCommas();
        }
        this.expect('}');
        this.expect(')');
        return { kind: 'object', attributes };
      }
      default:
        throw new Error(`unknown type "${word.text}"`);
    }
  }

  attribute(): TerraformAttribute {
    if (this.peek()?.text !== 'optional') return { type: this.type(), optional: false };
    this.next();
    this.expect('(');
    const type = this.type();
    if (this.peek()?.text === ',') {
      this.next();
      this.skipValue();
    }
    this.expect(')');
    return { type, optional: true };
  }
}

/** Parses the `type` of a variable as hcl2json renders it (`${object({...})}`) or as written. */
export function parseTerraformType(expression: string): TerraformType {
  const source = expression.startsWith('${') && expression.endsWith('}') ? expression.slice(2, -1) : expression;
  const parser = new TypeParser(tokenize(source));
  const type = parser.type();
  if (parser.peek()) throw new Error(`unexpected "${parser.peek()?.text}" after type constraint`);
  return type;
}

/** A compact spelling used to compare kinds: `number`, `map(string)`, `object`, `any`. */
export function describeTerraformType(type: TerraformType): string {
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${type.kind}(${describeTerraformType(type.element)})`;
    case 'tuple':
    case 'object':
      return type.kind;
    default:
      return type.kind;
  }
}
