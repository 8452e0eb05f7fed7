import { IAMClient } from '@aws-sdk/client-iam';
import { createIamService } from '../../../harness/iam-service/createIamService.ts';
import { serveService, type ServedService } from './serveService.ts';

/** An IAM service on a loopback port and an SDK client pointed at it. */
export interface IamTestKit {
  readonly iam: IAMClient;
  readonly served: ServedService;
  close(): Promise<void>;
}

/** A fresh IAM service (its own, empty account) and its client. */
export async function startIamTestKit(options: { accountId?: string } = {}): Promise<IamTestKit> {
  const served = await serveService(createIamService(options));
  const iam = new IAMClient({
    endpoint: served.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return {
    iam,
    served,
    close: async () => {
      iam.destroy();
      await served.close();
    },
  };
}

/** The trust policy of a Lambda execution role, as `aws_iam_policy_document` renders it. */
export const lambdaTrustPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'LambdaAssumesRole', Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }],
});

/** A least-privilege permissions policy with white space and a `*` that IAM must percent-encode. */
export const queuePolicy = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['sqs:ReceiveMessage'], Resource: 'arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/x:*' }],
  },
  null,
  2,
);

/** Decodes an IAM policy document the way the Terraform provider does (Go's url.QueryUnescape: `+` is a space). */
export function decodePolicy(encoded: string | undefined): unknown {
  return JSON.parse(decodeURIComponent((encoded ?? '').replaceAll('+', ' ')));
}

/** The rejection of `promise`, for asserting on an AWS error outside any catch. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error,
  );
}
