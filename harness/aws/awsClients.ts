import { LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import type { AwsCredentials, AwsEndpoints } from '../backends/types.ts';

export interface AwsClients {
  sns: SNSClient;
  sqs: SQSClient;
  lambda: LambdaClient;
}

export interface AwsClientsOptions {
  region: string;
  endpoints: AwsEndpoints;
  credentials?: AwsCredentials;
}

/** SDK clients for one stack: endpoint overrides for emulators, SDK defaults for AWS. */
export function createAwsClients(options: AwsClientsOptions): AwsClients & Disposable {
  // The SDK annotates the credentials object it is given, so each stack's clients get their own copy.
  const base = { region: options.region, ...(options.credentials ? { credentials: { ...options.credentials } } : {}) };
  const clients = {
    sns: new SNSClient({ ...base, ...(options.endpoints.sns ? { endpoint: options.endpoints.sns } : {}) }),
    sqs: createSqsClient({ ...base, ...(options.endpoints.sqs ? { endpoint: options.endpoints.sqs } : {}) }),
    lambda: new LambdaClient({ ...base, ...(options.endpoints.lambda ? { endpoint: options.endpoints.lambda } : {}) }),
  };
  return {
    ...clients,
    [Symbol.dispose]() {
      clients.sns.destroy();
      clients.sqs.destroy();
      clients.lambda.destroy();
    },
  };
}
