import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { exampleOrder, OrderAcceptedSchema, OrderRequestSchema } from '../../../contracts/index.ts';
import { CORRELATION_ID_PATTERN } from './middleware/correlationId.ts';
import { placeOrderExamples } from './openapiExamples.ts';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from './problem.ts';
import { HealthSchema } from './responses.ts';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export interface OpenApiOptions {
  /** The body limit the publisher enforces, for the 413's description and example. */
  bodyLimitBytes: number;
}

/**
 * Builds the OpenAPI 3.1 document of the publisher from the same zod schemas that validate requests, with
 * an example of its own for every answer.
 */
export function buildOpenApiDocument(options: OpenApiOptions): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  const examples = placeOrderExamples(options);
  const apiKey = registry.registerComponent('securitySchemes', 'ApiKey', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Api-Key',
    description: 'Required on POST /orders when the publisher is configured with PUBLISHER_API_KEYS.',
  });
  const correlationId = registry.registerComponent('parameters', 'CorrelationId', {
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    // No example on purpose: Swagger UI would prefill it and every "Try it out" order would share one id.
    description:
      'Propagated to the SNS message attribute `correlationId` and to every consumer, e.g. `checkout-7f3a`; a new UUID when absent or invalid.',
    schema: { type: 'string', pattern: CORRELATION_ID_PATTERN.source },
  });
  const idempotencyKey = registry.registerComponent('parameters', 'IdempotencyKey', {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'IETF httpapi Idempotency-Key (a quoted string, or a bare one): every request with the same key (per API key, for a day) ' +
      'stands for one order, with the same orderId and eventId, whether the first try was accepted, refused or timed out. ' +
      'Send one to make a retry after a 503 safe; 409 while a request with the key is being answered, 422 if the key was used for another order.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  });
  const correlationIdHeader = registry.registerComponent('headers', 'CorrelationId', {
    description: 'The request\'s correlation id: the caller\'s `X-Correlation-Id` when valid, otherwise a new UUID.',
    schema: { type: 'string' },
  }).ref;
  const retryAfterHeader = registry.registerComponent('headers', 'RetryAfter', {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'integer' },
  }).ref;
  const problem = (status: keyof typeof examples, description: string, headers: Record<string, typeof retryAfterHeader> = {}) => ({
    description,
    headers: { 'X-Correlation-Id': correlationIdHeader, ...headers },
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema, example: examples[status] } },
  });

  registry.registerPath({
    method: 'post',
    path: '/orders',
    operationId: 'placeOrder',
    summary: 'Place an order',
    description:
      'Validates the order, publishes an `OrderPlaced` event to the order-events topic and answers once SNS has accepted it. ' +
      'A 503 says whether nothing was published (`publish-unavailable`) or the outcome is unknown (`publish-outcome-unknown`, ' +
      'with the orderId and eventId); with an Idempotency-Key, retrying with the same key is safe in both cases.',
    tags: ['orders'],
    security: [{ [apiKey.name]: [] }],
    parameters: [correlationId.ref, idempotencyKey.ref],
    request: {
      body: {
        required: true,
        description: 'The order; unknown fields are rejected.',
        content: { 'application/json': { schema: OrderRequestSchema, example: exampleOrder } },
      },
    },
    responses: {
      202: {
        description: 'Published: every subscribed consumer will receive the event.',
        headers: { 'X-Correlation-Id': correlationIdHeader },
        content: { 'application/json': { schema: OrderAcceptedSchema, example: examples[202] } },
      },
      400: problem(400, 'Malformed JSON or an invalid order; `errors` has one entry per invalid field.'),
      401: problem(401, 'X-Api-Key missing or wrong.'),
      409: problem(409, 'A request with this Idempotency-Key is still being answered.', { 'Retry-After': retryAfterHeader }),
      413: problem(413, `Body larger than ${options.bodyLimitBytes} bytes.`),
      415: problem(415, 'Content-Type is not application/json.'),
      422: problem(422, 'This Idempotency-Key was used for a different order.'),
      503: problem(
        503,
        'SNS rejected the event (nothing was published), or did not confirm it in time (`publish-outcome-unknown`: it may have been; ' +
          'the answer carries the orderId and eventId, and a retry with the same Idempotency-Key places it once).',
        { 'Retry-After': retryAfterHeader },
      ),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/health',
    operationId: 'health',
    summary: 'Liveness',
    tags: ['operations'],
    security: [],
    responses: { 200: { description: 'The publisher is serving.', content: { 'application/json': { schema: HealthSchema } } } },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Order publisher',
      version: '1.0.0',
      description: 'Accepts orders over HTTP and fans them out through the order-events SNS topic.',
    },
    servers: [{ url: '/' }],
    tags: [{ name: 'orders' }, { name: 'operations' }],
  });
}
