import type { OrderPlaced } from '../../contracts/index.ts';
import { formatMoney } from './formatMoney.ts';

export interface Confirmation {
  /** The customer's email; null when the order carries none, and then nothing can be sent. */
  to: string | null;
  subject: string;
  text: string;
  /** The formatted total, e.g. `€47.48`. */
  total: string;
}

/** The order confirmation for the customer: greeting, one line per item, the total. */
export function renderConfirmation(event: OrderPlaced): Confirmation {
  const { customer, currency } = event;
  const money = (minorUnits: number) => formatMoney(minorUnits, currency);
  const lines = event.items.map(
    (item) => `  ${item.quantity} × ${item.sku} at ${money(item.unitPrice)} = ${money(item.quantity * item.unitPrice)}`,
  );
  const total = money(event.total);
  const text = [
    `Hello ${customer.email ?? customer.id},`,
    '',
    `thank you for your order ${event.orderId}.`,
    '',
    ...lines,
    '',
    `Total: ${total}`,
    '',
  ].join('\n');
  return { to: customer.email ?? null, subject: `Your order ${event.orderId}`, text, total };
}
