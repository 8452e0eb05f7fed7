import { routeSnsRequest } from './snsRouter.ts';
import { trackDeadLetterMoves, type DeadLetterSources } from './sqs/deadLetterMoves.ts';
import { completeSqsResponse, type SqsAdditionContext } from './sqsRouter.ts';
import type { AdditionStores, FauxqsApp } from './types.ts';

/**
 * Adds to a fauxqs app, before it listens, what the Terraform AWS provider and our specs need of SNS and SQS
 * that fauxqs 2.4.1 lacks or answers otherwise than AWS (README.md in this folder lists each addition):
 * a `preHandler` hook answers or rewrites SNS Query requests before fauxqs's route sees them, an `onSend`
 * hook completes fauxqs's SQS answers, and the SQS store is watched for dead-letter moves. Pass the stores
 * given to `buildApp({ stores })`; an addition whose store is absent leaves its requests to fauxqs.
 * Answers the dead-letter moves it tracks, for readers of the store in this process (the Lambda pollers).
 */
export function installFauxqsAdditions(app: FauxqsApp, stores: AdditionStores): { deadLetters: DeadLetterSources | undefined } {
  const sqs: SqsAdditionContext | undefined = stores.sqsStore
    ? { sqsStore: stores.sqsStore, deadLetters: trackDeadLetterMoves(stores.sqsStore) }
    : undefined;

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !String(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return;
    const outcome = routeSnsRequest(request.body, stores);
    if (!outcome) return;
    if (outcome.kind === 'forward') {
      request.body = outcome.params;
      return;
    }
    // Returning the reply from an async hook ends the request here; fauxqs's route never runs.
    return reply.code(outcome.status).header('content-type', 'text/xml').send(outcome.xml);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const target = request.headers['x-amz-target'];
    if (!sqs || reply.statusCode !== 200 || typeof target !== 'string' || typeof payload !== 'string') return payload;
    return completeSqsResponse(target, request.body, payload, sqs);
  });
  return { deadLetters: sqs?.deadLetters };
}
