import { createConsumerHandler } from '../shared/index.ts';
import { describeRisk, scoreRisk } from './scoreRisk.ts';

/**
 * Screens large orders (the subscription's filter policy sends only `orderTotal >= 50000`). Screening flags,
 * it never rejects: every valid order is `processed` with its risk in the outcome detail.
 */
export const handler = createConsumerHandler({
  consumer: 'fraud-screening',
  process: (event, { logger }) => {
    const assessment = scoreRisk(event);
    if (assessment.level === 'high') logger.warn('high-risk order', { ...assessment });
    return describeRisk(assessment);
  },
});
