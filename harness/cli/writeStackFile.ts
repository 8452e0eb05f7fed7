import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StackInfo } from '../backends/types.ts';
import { repoRoot } from '../topology/loadTopology.ts';

export const stackFile = path.join(repoRoot, '.fanout', 'stack.json');

/** The running stack's addresses, for other tools (the AWS CLI with --endpoint-url, scripts). */
export interface StackFile {
  apiUrl: string;
  docsUrl: string;
  apiKey?: string;
  region: string;
  topicArn: string;
  outcomesQueueUrl: string;
  /** `aws` answers every service (the edge); the others are the per-service ports. */
  endpoints: { aws?: string; sns?: string; sqs?: string; lambda?: string; iam?: string; sts?: string; logs?: string };
}

export async function writeStackFile(info: StackInfo, file = stackFile): Promise<StackFile> {
  const content: StackFile = {
    apiUrl: info.apiUrl,
    docsUrl: info.docsUrl,
    ...(info.apiKey ? { apiKey: info.apiKey } : {}),
    region: info.region,
    topicArn: info.topicArn,
    outcomesQueueUrl: info.outcomesQueueUrl,
    endpoints: { ...info.endpoints },
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
  return content;
}
