import { Then } from '@cucumber/cucumber';
import type { FanoutWorld } from './support/FanoutWorld.ts';

Then('every consumer whose subscription accepts the order processes it', async function (this: FanoutWorld) {
  await this.waitForProcessing(this.lastOrder());
});

Then('every copy carries the same order id, event id and correlation id', function (this: FanoutWorld) {
  this.expectSameIdentifiers(this.lastOrder());
});

Then('the {consumer} consumer processes the order', async function (this: FanoutWorld, name: string) {
  await this.waitForProcessing(this.lastOrder(), { consumers: [this.consumerNamed(name)] });
});

Then('the {consumer} consumer never sees the order', async function (this: FanoutWorld, name: string) {
  await this.expectNeverSeen(this.lastOrder(), this.consumerNamed(name));
});

Then('every other consumer whose subscription accepts the order processes it exactly once', async function (this: FanoutWorld) {
  await this.expectProcessedExactlyOnce(this.lastOrder(), this.othersThanDeadLettering(this.lastOrder()));
});
