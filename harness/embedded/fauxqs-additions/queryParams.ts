import * as z from 'zod';
import type { QueryParams, SnsOutcome } from './types.ts';

const QueryParamsSchema = z.record(z.string(), z.string());

/** fauxqs's form parser gives a flat string map; anything else is not an SNS Query request of ours. */
export function parseQueryParams(body: unknown): QueryParams | undefined {
  const result = QueryParamsSchema.safeParse(body);
  return result.success ? result.data : undefined;
}

/**
 * The members of a Query-protocol list or map, in index order: `Attributes.entry.1.key=…` under the prefix
 * `Attributes.entry` gives `[{ index: 1, fields: { key: … } }]`.
 */
export function indexedMembers(params: QueryParams, prefix: string): { index: number; fields: Record<string, string> }[] {
  const byIndex = new Map<number, Record<string, string>>();
  const head = `${prefix}.`;
  for (const [key, value] of Object.entries(params)) {
    if (!key.startsWith(head)) continue;
    const match = /^(\d+)\.(.+)$/.exec(key.slice(head.length));
    if (!match?.[1] || !match[2]) continue;
    const index = Number(match[1]);
    const fields = byIndex.get(index) ?? {};
    fields[match[2]] = value;
    byIndex.set(index, fields);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, fields]) => ({ index, fields }));
}

/** A Query-protocol string map (`{prefix}.N.key` / `{prefix}.N.value`) as ordered pairs. */
export function mapEntries(params: QueryParams, prefix: string): [string, string][] {
  return indexedMembers(params, prefix).flatMap(({ fields }) => (fields.key !== undefined ? [[fields.key, fields.value ?? ''] as [string, string]] : []));
}

/** Hands the request to fauxqs, with these parameters. */
export function forward(params: QueryParams): SnsOutcome {
  return { kind: 'forward', params };
}

/** Answers the request with a 200 and this SNS XML document. */
export function answer(xml: string): SnsOutcome {
  return { kind: 'answer', status: 200, xml };
}
