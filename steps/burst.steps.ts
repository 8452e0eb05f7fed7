import { Then, When } from '@cucumber/cucumber';
import type { FanoutWorld } from './support/FanoutWorld.ts';

When('{int} orders are placed with at most {int} requests in flight', async function (this: FanoutWorld, count: number, concurrency: number) {
  await this.placeBurst(count, concurrency);
});

Then('all {int} orders are accepted', function (this: FanoutWorld, count: number) {
  this.expectBurstAccepted(count);
});

Then('every consumer accounts for every order its subscription accepts, as processed or dead-lettered', async function (this: FanoutWorld) {
  await this.accountForBurst();
});

Then('duplicate deliveries are reported with the scenario', function (this: FanoutWorld) {
  this.reportDuplicates();
});
