export * from './Waiters.ts';
export * from './ReceiveLoop.ts';
export * from './OutcomeCollector.ts';
export * from './DeadLetterCollector.ts';
export * from './StackObserver.ts';
export * from './LambdaLogRecord.ts';
export * from './readOrderMessage.ts';
export * from './parseLambdaLogs.ts';
