import { exampleOrder } from '../../contracts/index.ts';

/** How a request presents the API key. */
export const ApiKeyUse = {
  valid: 'valid',
  missing: 'missing',
  wrong: 'wrong',
} as const;
export type ApiKeyUse = (typeof ApiKeyUse)[keyof typeof ApiKeyUse];

/** A request exactly as it goes over the wire. */
export interface RawRequest {
  body: string;
  contentType: string;
  apiKey: ApiKeyUse;
}

const JSON_TYPE = 'application/json';
const valid = (): Record<string, unknown> => structuredClone(exampleOrder) as unknown as Record<string, unknown>;
const withFirstItem = (change: Record<string, unknown>): string => {
  const order = valid();
  const [first, ...rest] = exampleOrder.items;
  return JSON.stringify({ ...order, items: [{ ...first, ...change }, ...rest] });
};
const json = (body: string, apiKey: ApiKeyUse = ApiKeyUse.valid): RawRequest => ({ body, contentType: JSON_TYPE, apiKey });

/**
 * The refused requests the rejected-orders feature names, by the words its table uses. Each is the
 * valid example order with one thing wrong, so the refusal can only be about that one thing.
 */
export const badRequests: Readonly<Record<string, () => RawRequest>> = {
  'malformed JSON': () => json(JSON.stringify(valid()).slice(0, -10)),
  'an order without a customer': () => {
    const { customer: _customer, ...order } = valid();
    return json(JSON.stringify(order));
  },
  'a quantity written as text': () => json(withFirstItem({ quantity: '2' })),
  'a quantity of zero': () => json(withFirstItem({ quantity: 0 })),
  'an unknown currency': () => json(JSON.stringify({ ...valid(), currency: 'ZZZ' })),
  'a price with a fraction of a cent': () => json(withFirstItem({ unitPrice: 18.99 })),
  'a total past the largest safe integer': () => json(withFirstItem({ quantity: 2, unitPrice: Number.MAX_SAFE_INTEGER })),
  'an order larger than 64 KiB': () => json(JSON.stringify({ ...valid(), customer: { id: 'cus-1001', note: 'x'.repeat(70 * 1024) } })),
  'an order sent as form data': () => ({ body: 'customer=cus-1001&currency=EUR', contentType: 'application/x-www-form-urlencoded', apiKey: ApiKeyUse.valid }),
  'a valid order without an API key': () => json(JSON.stringify(valid()), ApiKeyUse.missing),
  'a valid order with a wrong API key': () => json(JSON.stringify(valid()), ApiKeyUse.wrong),
};

export function badRequest(name: string): RawRequest {
  const build = badRequests[name];
  if (!build) throw new Error(`no request is called "${name}"; known: ${Object.keys(badRequests).join(', ')}`);
  return build();
}
