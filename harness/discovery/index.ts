export * from './types.ts';
export * from './errors.ts';
export * from './arns.ts';
export * from './discoverTopology.ts';
export * from './expectedConsumers.ts';
export * from './matchesFilterPolicy.ts';
export * from './describeFilterPolicy.ts';
