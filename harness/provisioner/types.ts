/** What the provisioner created, keyed by consumer name; mirrors the Terraform outputs. */
export interface ProvisionedConsumer {
  queueUrl: string;
  queueArn: string;
  dlqUrl: string;
  dlqArn: string;
  subscriptionArn: string;
  functionName: string;
  functionArn: string;
  eventSourceMappingUuid: string;
}

export interface ProvisionedTopology {
  topicArn: string;
  outcomesQueueUrl: string;
  outcomesQueueArn: string;
  consumers: Record<string, ProvisionedConsumer>;
}
