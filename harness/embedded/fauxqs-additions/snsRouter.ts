import { SnsAdditionError } from './errors.ts';
import { parseQueryParams } from './queryParams.ts';
import { getSubscriptionAttributes } from './sns/getSubscriptionAttributes.ts';
import { getTopicAttributes } from './sns/getTopicAttributes.ts';
import { publish } from './sns/publish.ts';
import { publishBatch } from './sns/publishBatch.ts';
import { setSubscriptionAttributes } from './sns/setSubscriptionAttributes.ts';
import { setTopicAttributes } from './sns/setTopicAttributes.ts';
import { subscribe } from './sns/subscribe.ts';
import { snsErrorXml } from './snsXml.ts';
import type { AdditionStores, SnsAddition, SnsOutcome } from './types.ts';

/** The SNS actions with an addition; every other action reaches fauxqs untouched. */
const SNS_ADDITIONS: Readonly<Record<string, SnsAddition>> = {
  GetSubscriptionAttributes: getSubscriptionAttributes,
  GetTopicAttributes: getTopicAttributes,
  Publish: publish,
  PublishBatch: publishBatch,
  SetSubscriptionAttributes: setSubscriptionAttributes,
  SetTopicAttributes: setTopicAttributes,
  Subscribe: subscribe,
};

/**
 * Runs the addition of an SNS Query request's `Action`, if it has one, and is the one place that turns an
 * addition's error into SNS's `<ErrorResponse>` with its status.
 */
export function routeSnsRequest(body: unknown, stores: AdditionStores): SnsOutcome | undefined {
  const params = parseQueryParams(body);
  const addition = params?.Action !== undefined ? SNS_ADDITIONS[params.Action] : undefined;
  if (!params || !addition) return undefined;
  try {
    return addition(params, stores);
  } catch (error) {
    if (error instanceof SnsAdditionError) return { kind: 'answer', status: error.statusCode, xml: snsErrorXml(error) };
    throw error;
  }
}
