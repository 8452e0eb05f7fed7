import { STSClient } from '@aws-sdk/client-sts';
import { createStsService } from '../../../harness/sts-service/createStsService.ts';
import { serveService, type ServedService } from '../../iam-service/helpers/serveService.ts';

/** An STS service on a loopback port and an SDK client pointed at it. */
export interface StsTestKit {
  readonly sts: STSClient;
  readonly served: ServedService;
  close(): Promise<void>;
}

/** A fresh STS service for `accountId` and its client. */
export async function startStsTestKit(options: { accountId?: string } = {}): Promise<StsTestKit> {
  const served = await serveService(createStsService(options));
  const sts = new STSClient({ endpoint: served.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  return {
    sts,
    served,
    close: async () => {
      sts.destroy();
      await served.close();
    },
  };
}
