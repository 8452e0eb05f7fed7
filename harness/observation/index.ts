export * from './Waiters.ts';
export * from './QueueDrainer.ts';
export * from './QueuePeeker.ts';
export * from './OutcomeCollector.ts';
export * from './DeadLetterCollector.ts';
export * from './readOrderMessage.ts';
export * from './parseLambdaLogs.ts';
