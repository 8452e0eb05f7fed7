import type { IncomingMessage } from 'node:http';
import { readCappedBody } from '../http/readCappedBody.ts';

/** One AWS Query protocol request as the router sees it. */
export interface QueryRequest {
  /** Parameters from the query string, then the form body; the first occurrence of a name wins, as on AWS. */
  readonly params: ReadonlyMap<string, string>;
  /** The raw query string (without `?`), which AWS copies into its redirect for a GET without Action. */
  readonly search: string;
  /** The body was longer than the service reads (it was still read to its end). */
  readonly tooLarge: boolean;
}

/**
 * Reads a Query protocol request: the query string, and the body when it is
 * `application/x-www-form-urlencoded` (with or without a charset). A POST of
 * another content type carries no parameters, as on AWS, which then finds no
 * Action. Malformed percent-encoding never throws (URLSearchParams keeps it).
 */
export async function readQueryRequest(req: IncomingMessage, maxBodyBytes: number): Promise<QueryRequest> {
  const url = new URL(req.url ?? '/', 'http://query.invalid');
  const { body, tooLarge } = await readCappedBody(req, maxBodyBytes);
  const params = new Map<string, string>();
  const add = (source: URLSearchParams): void => {
    for (const [name, value] of source) {
      if (!params.has(name)) {
        params.set(name, value);
      }
    }
  };
  add(url.searchParams);
  if (!tooLarge && isForm(req.headers['content-type'])) {
    add(new URLSearchParams(body.toString('utf8')));
  }
  return { params, search: url.search.replace(/^\?/, ''), tooLarge };
}

function isForm(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/**
 * Turns flat Query parameters into the nested shape of an operation's input:
 * `Tags.member.1.Key=k` becomes `{ Tags: [{ Key: 'k' }] }`, `TagKeys.member.2=x`
 * the second item of `TagKeys`. List items come in index order; a name that is
 * both a value and a prefix keeps whichever came first.
 */
export function decodeQueryParams(params: ReadonlyMap<string, string>): Record<string, unknown> {
  const root: Tree = new Map();
  for (const [name, value] of params) {
    insert(root, name.split('.'), value);
  }
  return toPlain(root) as Record<string, unknown>;
}

type Tree = Map<string, Tree | string>;

function insert(tree: Tree, segments: readonly string[], value: string): void {
  const [head, ...rest] = segments;
  if (head === undefined) {
    return;
  }
  const existing = tree.get(head);
  if (rest.length === 0) {
    if (existing === undefined) {
      tree.set(head, value);
    }
    return;
  }
  if (typeof existing === 'string') {
    return;
  }
  const child: Tree = existing ?? new Map();
  tree.set(head, child);
  insert(child, rest, value);
}

function toPlain(node: Tree | string): unknown {
  if (typeof node === 'string') {
    return node;
  }
  const members = node.get('member');
  if (node.size === 1 && members instanceof Map && [...members.keys()].every((key) => /^[1-9]\d*$/.test(key))) {
    return [...members.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => toPlain(item));
  }
  // Object.fromEntries defines own properties, so a parameter named __proto__ stays plain data.
  return Object.fromEntries([...node.entries()].map(([key, child]) => [key, toPlain(child)]));
}
