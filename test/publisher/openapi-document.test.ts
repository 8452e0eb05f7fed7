import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OrderRequestSchema } from '../../contracts/index.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

interface Operation {
  security?: Record<string, string[]>[];
  parameters?: { $ref?: string }[];
  requestBody: { content: Record<string, { schema: { $ref: string }; example: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
}

interface Document {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    securitySchemes: Record<string, { type: string; in: string; name: string }>;
    parameters: Record<string, { name: string; in: string }>;
  };
}

describe('GET /openapi.json', () => {
  let publisher: TestPublisher;
  let document: Document;
  beforeAll(async () => {
    publisher = await startTestPublisher();
    const response = await fetch(`${publisher.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await response.json()) as Document;
  });
  afterAll(() => publisher.close());

  it('is an OpenAPI 3.1 document served from the same origin', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(document.servers).toEqual([{ url: '/' }]);
  });

  it('describes POST /orders with the order schema, its example and every answer', () => {
    const operation = document.paths['/orders']?.post;
    expect(operation).toBeDefined();
    const body = operation?.requestBody.content['application/json'];
    expect(body?.schema).toEqual({ $ref: '#/components/schemas/OrderRequest' });
    expect(OrderRequestSchema.safeParse(body?.example).success).toBe(true);
    expect(document.components.schemas).toHaveProperty('OrderRequest');

    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['202', '400', '401', '409', '413', '415', '422', '503']);
    for (const status of ['400', '401', '409', '413', '415', '422', '503']) {
      expect(operation?.responses[status]?.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
    }
  });

  it('declares the X-Api-Key scheme and the X-Correlation-Id and Idempotency-Key headers', () => {
    const operation = document.paths['/orders']?.post;
    expect(document.components.securitySchemes.ApiKey).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }));
    expect(operation?.security).toEqual([{ ApiKey: [] }]);
    expect(operation?.parameters).toEqual([{ $ref: '#/components/parameters/CorrelationId' }, { $ref: '#/components/parameters/IdempotencyKey' }]);
    expect(document.components.parameters.CorrelationId).toMatchObject({ name: 'X-Correlation-Id', in: 'header' });
    expect(document.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false });
  });
});
