import { When, Then } from '@cucumber/cucumber';
import type { FanoutWorld } from './support/FanoutWorld.ts';
import { orderOfLines, orderTotalling, orderWithDiscontinuedItem } from './support/orderFactory.ts';

When('customer {string} places an order of {int} lines in {word}', async function (this: FanoutWorld, customer: string, lines: number, currency: string) {
  await this.placeOrder(orderOfLines({ customer, currency, lines }));
});

When('a customer places an order totalling {amount} EUR', async function (this: FanoutWorld, total: number) {
  await this.placeOrder(orderTotalling(total, 'EUR'));
});

When('a customer places an order that includes a discontinued item', async function (this: FanoutWorld) {
  await this.placeOrder(orderWithDiscontinuedItem());
});

Then('the order is accepted with an order id and an event id', function (this: FanoutWorld) {
  this.expectAccepted(this.lastOrder());
});
