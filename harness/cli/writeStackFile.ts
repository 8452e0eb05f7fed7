import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StackInfo } from '../backends/types.ts';
import { isRunningStack } from '../processes/isRunningStack.ts';
import { repoRoot } from '../topology/loadTopology.ts';

export const stackFile = path.join(repoRoot, '.fanout', 'stack.json');

/** The running stack's addresses, for other tools (the AWS CLI with --endpoint-url, scripts). */
export interface StackFile {
  /** The stack's process: a file whose process is gone is stale (the stack died without removing it). */
  pid: number;
  apiUrl: string;
  docsUrl: string;
  apiKey?: string;
  region: string;
  topicArn: string;
  outcomesQueueUrl: string;
  /** What every endpoint checks the SigV4 signatures of requests against. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `aws` answers every service (the edge); the others are the per-service ports. */
  endpoints: { aws?: string; sns?: string; sqs?: string; lambda?: string; iam?: string; sts?: string; logs?: string };
}

export async function writeStackFile(info: StackInfo, file = stackFile): Promise<StackFile> {
  const content: StackFile = {
    pid: process.pid,
    apiUrl: info.apiUrl,
    docsUrl: info.docsUrl,
    ...(info.apiKey ? { apiKey: info.apiKey } : {}),
    region: info.region,
    topicArn: info.topicArn,
    outcomesQueueUrl: info.outcomesQueueUrl,
    ...(info.credentials ? { credentials: { accessKeyId: info.credentials.accessKeyId, secretAccessKey: info.credentials.secretAccessKey } } : {}),
    endpoints: { ...info.endpoints },
  };
  await mkdir(path.dirname(file), { recursive: true });
  // It holds the stack's secret: readable by its owner only.
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  return content;
}

/** Who a stack file belongs to: nobody (no file), a stack that is running, or one that died without removing it. */
export type StackFileOwner = { kind: 'none' } | { kind: 'running'; pid: number } | { kind: 'gone'; pid: number | undefined };

/** Reads the pid of the stack that wrote `file` and whether it still runs. */
export async function stackFileOwner(file = stackFile): Promise<StackFileOwner> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { kind: 'none' };
  }
  let pid: unknown;
  try {
    pid = (JSON.parse(text) as { pid?: unknown }).pid;
  } catch {
    return { kind: 'gone', pid: undefined };
  }
  if (typeof pid !== 'number' || !Number.isInteger(pid)) return { kind: 'gone', pid: undefined };
  return isRunningStack(pid) ? { kind: 'running', pid } : { kind: 'gone', pid };
}
