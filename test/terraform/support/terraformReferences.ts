/** A reference to a named object found in an expression, e.g. `var.region` or `aws_sqs_queue.main`. */
export interface TerraformReference {
  kind: 'var' | 'local' | 'module' | 'data' | 'resource';
  /** `region` for var.region, `aws_sqs_queue.main` for a resource, `aws_iam_policy_document.lambda` for data. */
  address: string;
  /** Where it was found, e.g. `resource.aws_sqs_queue.main.redrive_policy`. */
  at: string;
}

// hcl2json renders every expression as its source text wrapped in `${...}`; the objects an
// expression may name are a closed set, so a lexical scan of that text finds them all.
// (getReferencesInExpression of hcl2json misses references inside `for` expression bodies.)
const pattern = /(?<![\w.$-])(var|local|module|data|aws_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g;

function referencesIn(text: string, at: string): TerraformReference[] {
  if (!text.includes('${')) return [];
  const found: TerraformReference[] = [];
  for (const [, head, first, second] of text.matchAll(pattern)) {
    if (head === 'var' || head === 'local' || head === 'module') {
      found.push({ kind: head, address: first as string, at });
    } else if (head === 'data') {
      if (!second) throw new Error(`incomplete data reference "data.${first}" at ${at}`);
      found.push({ kind: 'data', address: `${first}.${second}`, at });
    } else {
      found.push({ kind: 'resource', address: `${head}.${first}`, at });
    }
  }
  return found;
}

/** Every reference in every expression under `value` (a parsed block, attribute or file). */
export function collectReferences(value: unknown, at: string): TerraformReference[] {
  if (typeof value === 'string') return referencesIn(value, at);
  if (Array.isArray(value)) return value.flatMap((item, i) => collectReferences(item, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => collectReferences(item, `${at}.${key}`));
  }
  return [];
}
