import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { functionArn, parseFunctionReference, parseSqsArn } from '../arns.ts';
import { InvalidParameterValueException, ResourceNotFoundException } from '../errors.ts';
import type { FunctionRecord } from '../functions/FunctionStore.ts';
import type { ActionContext } from './ActionContext.ts';

/** The queue name of an SQS event source ARN; anything else is not supported here. */
export function sqsQueueName(eventSourceArn: string): string {
  const parsed = parseSqsArn(eventSourceArn);
  if (!parsed) {
    throw new InvalidParameterValueException(
      `Unsupported event source: ${eventSourceArn}. The embedded Lambda service supports SQS queues only (arn:aws:sqs:<region>:<account>:<queue>).`,
    );
  }
  return parsed.queueName;
}

/** An SQS mapping sends nothing to destinations; AWS refuses an OnSuccess one in these words. */
export function checkDestinationConfig(config: { OnSuccess?: unknown } | undefined): void {
  if (config?.OnSuccess !== undefined) {
    throw new InvalidParameterValueException('Unsupported DestinationConfig parameter for given event source mapping type.');
  }
}

/**
 * The function a mapping names, and the ARN the mapping reports for it (with
 * `:$LATEST` when the name carried it). A function that does not exist is a
 * 400 here, not a 404: "Function does not exist".
 */
export function requireMappedFunction(ctx: ActionContext<'location' | 'functions'>, functionName: string): { fn: FunctionRecord; functionArn: string } {
  let reference;
  try {
    reference = parseFunctionReference(ctx.location, functionName);
  } catch (error) {
    if (error instanceof ResourceNotFoundException) {
      throw new InvalidParameterValueException('Function does not exist');
    }
    throw error;
  }
  const fn = ctx.functions.get(reference.name);
  if (!fn) {
    throw new InvalidParameterValueException('Function does not exist');
  }
  const arn = functionArn(ctx.location, fn.name);
  return { fn, functionArn: reference.qualifier ? `${arn}:${reference.qualifier}` : arn };
}

/** Lambda's batch size and batching window rules for SQS. */
export function checkBatching(queueName: string, batchSize: number, windowSeconds: number): void {
  if (queueName.endsWith('.fifo')) {
    if (batchSize > 10) {
      throw new InvalidParameterValueException('BatchSize must be between 1 and 10 for FIFO queues.');
    }
    if (windowSeconds > 0) {
      throw new InvalidParameterValueException('Batching window is not supported for FIFO queues.');
    }
  } else if (batchSize > 10 && windowSeconds === 0) {
    throw new InvalidParameterValueException(
      'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    );
  }
}

/** The queue must exist and hide a message at least as long as the function may run. */
export async function checkQueueVisibility(ctx: ActionContext<'sqs'>, queueName: string, fn: FunctionRecord): Promise<void> {
  const { sqs } = ctx;
  if (!sqs) {
    throw new InvalidParameterValueException(
      'The embedded Lambda service was started without awsEndpointUrl, so it cannot poll SQS queues.',
    );
  }
  let visibilityTimeout: number;
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout'] }),
    );
    visibilityTimeout = Number(Attributes?.VisibilityTimeout ?? 30);
  } catch (error) {
    // AWS quotes SQS's own message (test_esm_with_not_existing_sqs_queue in LocalStack's AWS-recorded snapshots).
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidParameterValueException(
      `Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: ${reason}`,
    );
  }
  if (visibilityTimeout < fn.timeout) {
    throw new InvalidParameterValueException(
      `Queue visibility timeout: ${visibilityTimeout} seconds is less than Function timeout: ${fn.timeout} seconds`,
    );
  }
}
