import { Then, When } from '@cucumber/cucumber';
import type { FanoutWorld } from './support/FanoutWorld.ts';

When('{int} orders are placed with at most {int} requests in flight', async function (this: FanoutWorld, count: number, concurrency: number) {
  await this.placeBurst(count, concurrency);
});

Then('all {int} orders are accepted', function (this: FanoutWorld, count: number) {
  this.expectBurstAccepted(count);
});

Then('nothing is lost: every consumer accounts for each order its subscription accepts, as processed or dead-lettered', async function (this: FanoutWorld) {
  await this.accountForBurst();
});

Then('every consumer processes every order its subscription accepts, and dead-letters none', async function (this: FanoutWorld) {
  await this.expectBurstProcessed();
});

// Documents, checks nothing: at-least-once delivery allows duplicates (see the feature's description).
Then('any duplicate deliveries are attached to the report', function (this: FanoutWorld) {
  this.attachDuplicates();
});
