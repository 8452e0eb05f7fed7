import { SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';

/**
 * The one SQS client factory. With an endpoint override (an emulator), queue URLs may name hosts that
 * do not resolve (`sqs.us-east-1.localhost.localstack.cloud`), so requests go to the configured endpoint
 * instead of the queue URL's host. Against AWS the SDK defaults apply unchanged.
 */
export function createSqsClient(config: SQSClientConfig = {}): SQSClient {
  const endpointOverride = config.endpoint ?? process.env.AWS_ENDPOINT_URL_SQS ?? process.env.AWS_ENDPOINT_URL;
  return new SQSClient({
    ...config,
    ...(endpointOverride ? { useQueueUrlAsEndpoint: false } : {}),
  });
}
