export * from './createConsumerHandler.ts';
export * from './errors.ts';
export * from './OutcomeReporter.ts';
export * from './parseOrderRecord.ts';
export * from './plural.ts';
export * from './RecordLogger.ts';
export * from './types.ts';
