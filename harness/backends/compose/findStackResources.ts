import { GetTopicAttributesCommand, NotFoundException, paginateListTopics } from '@aws-sdk/client-sns';
import { GetQueueUrlCommand, QueueDoesNotExist } from '@aws-sdk/client-sqs';
import type { AwsClients } from '../../aws/awsClients.ts';
import { outcomesQueueName, topicName } from '../../topology/resourceNames.ts';
import type { Topology } from '../../topology/topologySchema.ts';
import { StackUnreachableError } from '../errors.ts';
import { parseArn } from '../../aws/arn.ts';

export interface StackResources {
  topicArn: string;
  outcomesQueueUrl: string;
}

const waitHint = 'wait for the compose "terraform" service to finish (docker compose -f compose/docker-compose.yml logs terraform)';

/**
 * The topic and outcomes queue of a provisioned stack, looked up by the names the topology gives them.
 * Read-only on purpose: CreateTopic would silently create an empty topic on a stack that is not provisioned.
 */
export async function findStackResources(clients: Pick<AwsClients, 'sns' | 'sqs'>, topology: Topology): Promise<StackResources> {
  const wantedTopic = topicName(topology);
  let topicArn: string | undefined;
  for await (const page of paginateListTopics({ client: clients.sns }, {})) {
    topicArn = page.Topics?.map((t) => t.TopicArn).find((arn) => arn !== undefined && parseArn(arn)?.resource === wantedTopic);
    if (topicArn) break;
  }
  if (!topicArn) throw new StackUnreachableError(`compose backend: topic "${wantedTopic}" does not exist yet; ${waitHint}`);

  const queueName = outcomesQueueName(topology);
  const missingQueue = `compose backend: queue "${queueName}" does not exist yet; ${waitHint}`;
  let outcomesQueueUrl: string | undefined;
  try {
    ({ QueueUrl: outcomesQueueUrl } = await clients.sqs.send(new GetQueueUrlCommand({ QueueName: queueName })));
  } catch (error) {
    if (error instanceof QueueDoesNotExist) throw new StackUnreachableError(missingQueue, { cause: error });
    throw error;
  }
  if (!outcomesQueueUrl) throw new StackUnreachableError(missingQueue);
  return { topicArn, outcomesQueueUrl };
}

/** Fails when a saved outputs file names a topic this LocalStack does not have (a file left from another stack). */
export async function assertTopicExists(clients: Pick<AwsClients, 'sns'>, topicArn: string, outputsFile: string): Promise<void> {
  try {
    await clients.sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
  } catch (error) {
    if (error instanceof NotFoundException) {
      throw new StackUnreachableError(`compose backend: ${outputsFile} names topic ${topicArn}, which this LocalStack does not have; delete the file or ${waitHint}`, { cause: error });
    }
    throw error;
  }
}
