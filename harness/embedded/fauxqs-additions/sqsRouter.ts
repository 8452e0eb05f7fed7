import { addDeadLetterSource } from './sqs/receiveMessage.ts';
import { omitRemovedQueueAttributes } from './sqs/getQueueAttributes.ts';
import type { DeadLetterSources } from './sqs/deadLetterMoves.ts';
import type { SqsStore } from './types.ts';

/** What an SQS response addition sees: fauxqs's successful JSON answer, which it may replace. */
type SqsResponseAddition = (requestBody: unknown, response: unknown, context: SqsAdditionContext) => object | undefined;

export interface SqsAdditionContext {
  sqsStore: SqsStore;
  deadLetters: DeadLetterSources;
}

/** SQS actions whose successful answer an addition completes; the rest reach the client as fauxqs wrote them. */
const SQS_RESPONSE_ADDITIONS: Readonly<Record<string, SqsResponseAddition>> = {
  GetQueueAttributes: omitRemovedQueueAttributes,
  ReceiveMessage: addDeadLetterSource,
};

/** fauxqs's JSON 1.0 answer to `AmazonSQS.{Action}`, completed by that action's addition. */
export function completeSqsResponse(target: string, requestBody: unknown, payload: string, context: SqsAdditionContext): string {
  const addition = SQS_RESPONSE_ADDITIONS[target.replace(/^AmazonSQS\./, '')];
  if (!addition) return payload;
  let response: unknown;
  try {
    response = JSON.parse(payload);
  } catch {
    return payload;
  }
  const completed = addition(requestBody, response, context);
  return completed === undefined ? payload : JSON.stringify(completed);
}
