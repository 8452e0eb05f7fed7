import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import type { FanoutWorld } from './support/FanoutWorld.ts';
import { refusalRows } from './support/refusals.ts';

Given('the publisher requires an API key', function (this: FanoutWorld) {
  if (this.suite.stack.info.apiKey) return undefined;
  return this.skip('the publisher has no API key configured on this backend (set FANOUT_API_KEY)');
});

When('a client sends these requests to place an order:', async function (this: FanoutWorld, table: DataTable) {
  await this.sendRefusals(refusalRows(table.hashes()));
});

Then('each request is refused with the status in its row, in a problem report naming what its row says', function (this: FanoutWorld) {
  this.checkRefusals();
});

Then('no refusal carries an order id', function (this: FanoutWorld) {
  this.checkNoOrderIds();
});

Then('no consumer hears of any refused request, while a valid order sent after them is processed', async function (this: FanoutWorld) {
  await this.expectNothingPublished();
});
