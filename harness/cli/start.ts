import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EmbeddedBackend } from '../backends/embedded/EmbeddedBackend.ts';
import { fastTimersProfile } from '../topology/loadTopology.ts';
import { stackFile, writeStackFile } from './writeStackFile.ts';

/**
 * `npm start`: the embedded cloud, the provisioned topology and the publisher, with Lambda logs streamed.
 * `--fast-timers` applies the test profile (1 s visibility timeout) used by the specs.
 */
const { values } = parseArgs({
  options: {
    'fast-timers': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'stack-file': { type: 'string', default: stackFile },
  },
});
const stackFilePath = values['stack-file'];
const began = performance.now();
const log = (message: string): void => console.log(`[fanout] ${message}`);

const backend = new EmbeddedBackend({
  onLog: values.quiet ? undefined : (line) => console.log(`[${line.functionName}] ${line.message.trimEnd()}`),
});
const stack = await backend.start({
  overlays: values['fast-timers'] ? [fastTimersProfile] : [],
  onProgress: log,
});
const file = await writeStackFile(stack.info, stackFilePath);
log(`up in ${Math.round(performance.now() - began)} ms`);
console.log(`
  API          ${file.apiUrl}/orders   (X-Api-Key: ${file.apiKey ?? 'not required'})
  Swagger UI   ${file.docsUrl}
  SNS          ${file.endpoints.sns}   topic ${file.topicArn}
  SQS          ${file.endpoints.sqs}
  Lambda       ${file.endpoints.lambda}
  Stack file   ${stackFilePath}

  Try: aws --endpoint-url ${file.endpoints.lambda} --region ${file.region} lambda list-functions
  Ctrl-C stops everything.
`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  try {
    await stack.close();
  } catch (error) {
    console.error(`[fanout] could not stop cleanly: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await rm(stackFilePath, { force: true });
  }
  process.exit();
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
