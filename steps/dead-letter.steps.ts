import { Then } from '@cucumber/cucumber';
import type { FanoutWorld } from './support/FanoutWorld.ts';

// No Cucumber timeout on these: their deadlines follow the discovered visibility timeout and maximum receive count.
Then('the {consumer} consumer rejects it on every receive, up to its maximum receive count', { timeout: -1 }, async function (this: FanoutWorld, name: string) {
  await this.waitForRejections(this.lastOrder(), this.consumerNamed(name));
});

Then("the order lands in the {consumer} consumer's dead-letter queue", { timeout: -1 }, async function (this: FanoutWorld, name: string) {
  await this.waitForDeadLetter(this.lastOrder(), this.consumerNamed(name));
});
