import { describe, expect, it } from '@jest/globals';
import { parseTerraformOutputs } from '../../harness/backends/terraformOutputs.ts';
import { terraformOutputJson } from './support/terraformOutputsFixture.ts';

describe('parseTerraformOutputs', () => {
  it('unwraps the values of `terraform output -json` into camel-cased outputs, one entry per consumer', () => {
    const text = JSON.stringify(terraformOutputJson({ region: 'eu-west-1', consumers: ['order-processor', 'fraud-screening'] }));

    const outputs = parseTerraformOutputs(text, 'outputs.json');

    expect(outputs).toMatchObject({
      region: 'eu-west-1',
      topicArn: 'arn:aws:sns:eu-west-1:000000000000:fanout-order-events',
      outcomesQueueUrl: 'http://sqs.eu-west-1.localhost.localstack.cloud:4566/000000000000/fanout-order-outcomes',
      outcomesQueueArn: 'arn:aws:sqs:eu-west-1:000000000000:fanout-order-outcomes',
    });
    expect(Object.keys(outputs.consumers).sort()).toEqual(['fraud-screening', 'order-processor']);
    expect(outputs.consumers['order-processor']).toEqual({
      queueUrl: 'http://sqs.eu-west-1.localhost.localstack.cloud:4566/000000000000/fanout-order-processor',
      queueArn: 'arn:aws:sqs:eu-west-1:000000000000:fanout-order-processor',
      dlqUrl: 'http://sqs.eu-west-1.localhost.localstack.cloud:4566/000000000000/fanout-order-processor-dlq',
      dlqArn: 'arn:aws:sqs:eu-west-1:000000000000:fanout-order-processor-dlq',
      functionName: 'fanout-order-processor',
      functionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:fanout-order-processor',
      eventSourceMappingUuid: '0b8e7a8c-0000-4000-8000-000000000002',
      logGroupName: '/aws/lambda/fanout-order-processor',
    });
  });
});
