/**
 * The value of an HCL quoted string literal given its source text between the quotes:
 * undoes `\\`, `\"`, `\n`, `\t`, `\r` and the template escapes `$${` and `%%{`.
 */
export function unquoteHclString(source: string): string {
  return source
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{')
    .replace(/\\(["\\ntr])/g, (_, escaped: string) => ({ n: '\n', t: '\t', r: '\r' })[escaped] ?? escaped);
}

/** The first argument of every `regex("...", <subject>)` call in an expression, with its subject. */
export function regexCalls(expression: string): Array<{ pattern: string; subject: string }> {
  return [...expression.matchAll(/regex\("((?:[^"\\]|\\.)*)",\s*([^)]+)\)/g)].map(([, literal, subject]) => ({
    pattern: unquoteHclString(literal as string),
    subject: (subject as string).trim(),
  }));
}
