export * from './money.ts';
export * from './orderRequest.ts';
export * from './orderPlaced.ts';
export * from './messageAttributes.ts';
export * from './outcome.ts';
