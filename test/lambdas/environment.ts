/**
 * Imported first by handler tests: handlers build their Logger and SQS client when their module loads,
 * so the environment has to be in place before that import is evaluated.
 */
export const OUTCOMES_QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/000000000000/fanout-order-outcomes';
export const FUNCTION_NAME_PREFIX = 'fanout-';

process.env.OUTCOMES_QUEUE_URL = OUTCOMES_QUEUE_URL;
process.env.AWS_REGION ??= 'us-east-1';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
delete process.env.AWS_LAMBDA_FUNCTION_NAME;
