import { defineParameterType } from '@cucumber/cucumber';
import { minorUnits } from './orderFactory.ts';

/** A consumer as the topology names it: `order-processor`, `fraud-screening`. */
defineParameterType({
  name: 'consumer',
  regexp: /[a-z][a-z0-9]*(?:-[a-z0-9]+)+/,
  transformer: (name: string) => name,
});

/** An amount with up to two decimals, `499.99`, as minor units (49999). */
defineParameterType({
  name: 'amount',
  regexp: /\d+(?:\.\d{1,2})?/,
  transformer: (text: string) => minorUnits(text),
});
