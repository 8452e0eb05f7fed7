import { createHash } from 'node:crypto';
import type { OrderPlaced } from '../../contracts/index.ts';
import { createConsumerHandler, plural } from '../shared/index.ts';
import { renderConfirmation } from './renderConfirmation.ts';

/**
 * Renders the order confirmation. Delivering it is out of scope of this pipeline; the outcome detail names the
 * customer (by id: no email address in outcomes or logs) and a digest of the text, so the specs can tell
 * confirmations apart. The email is optional in the contract, so an order without one is processed (a retry
 * would not add an address) and the detail says that nothing could be sent.
 */
export const handler = createConsumerHandler({
  consumer: 'user-notification',
  process: describeConfirmation,
});

function describeConfirmation(event: OrderPlaced): string {
  const confirmation = renderConfirmation(event);
  const digest = createHash('sha256').update(confirmation.text).digest('hex').slice(0, 16);
  const recipient = confirmation.to
    ? `confirmation for customer ${event.customer.id} by email`
    : `no customer email: confirmation for customer ${event.customer.id} rendered, not sent`;
  return `${recipient}; ${plural(event.items.length, 'line')}; total ${confirmation.total}; sha256:${digest}`;
}
