import { Then, When } from '@cucumber/cucumber';
import type { FanoutWorld } from './support/FanoutWorld.ts';

When(
  "{int} good orders and {int} order with a discontinued item are put on the {consumer} consumer's queue in one batch",
  async function (this: FanoutWorld, good: number, poison: number, name: string) {
    await this.injectBatch(this.consumerNamed(name), { good, poison });
  },
);

Then('the {consumer} consumer receives them together in one invocation', async function (this: FanoutWorld, name: string) {
  await this.expectOneInvocation(this.consumerNamed(name));
});

// No Cucumber timeout: the wait's own deadline follows the queue's visibility timeout.
Then('only the order with the discontinued item is received again', { timeout: -1 }, async function (this: FanoutWorld) {
  await this.expectOnlyPoisonRetried();
});

Then('each good order is processed exactly once, on its first receive', async function (this: FanoutWorld) {
  await this.expectGoodOnce();
});
