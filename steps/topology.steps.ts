import assert from 'node:assert/strict';
import { Given } from '@cucumber/cucumber';
import type { FanoutWorld } from './support/FanoutWorld.ts';

Given('the consumers subscribed to the order events are discovered from the running pipeline', function (this: FanoutWorld) {
  assert.ok(this.consumers.length > 0, 'no consumer is subscribed to the order events topic');
  this.attachTopology();
});

Given('the {consumer} consumer only accepts orders totalling at least {amount}', function (this: FanoutWorld, name: string, threshold: number) {
  this.expectThreshold(this.consumerNamed(name), threshold);
});
