import type { EmulatedService, ServiceHandler } from './types.ts';

/**
 * SNS or SQS answered by the fauxqs Fastify app in this process: requests go through Fastify's own
 * routing (its hooks and the additions of harness/embedded/fauxqs-additions included), with no second
 * HTTP hop. The app must be ready (listening on its own port is fine).
 */
export function fauxqsService(app: { routing: ServiceHandler }, signingName: 'sns' | 'sqs'): EmulatedService {
  return { signingName, handle: (req, res) => app.routing(req, res) };
}
