import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { selectedDeployMethod } from '../backends/deployMethod.ts';
import { EmbeddedBackend } from '../backends/embedded/EmbeddedBackend.ts';
import type { Stack } from '../backends/types.ts';
import { describeDiscarded } from '../embedded/countQueuedMessages.ts';
import { SHUTDOWN_GRACE_MS } from '../embedded/startEmbeddedCloud.ts';
import { fastTimersProfile } from '../topology/loadTopology.ts';
import { stackFile, stackFileOwner, writeStackFile } from './writeStackFile.ts';

/**
 * `npm start`: the embedded cloud, the provisioned topology and the publisher, with Lambda logs streamed.
 * `--fast-timers` applies the test profile (1 s visibility timeout) used by the specs. `--deploy terraform`
 * applies terraform/ instead of the SDK provisioner (it then always uses the fast-timers profile, as the specs
 * do) and destroys it on Ctrl-C; `FANOUT_BACKEND=compose FANOUT_STACK_FILE=.fanout/stack.json npm run features`
 * runs the specs against it as often as wanted.
 */
const { values } = parseArgs({
  options: {
    'fast-timers': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'stack-file': { type: 'string', default: stackFile },
    deploy: { type: 'string' },
  },
});
const deploy = selectedDeployMethod(values.deploy === undefined ? [] : ['--deploy', values.deploy], process.env);
const fastTimers = values['fast-timers'] || deploy === 'terraform';
const stackFilePath = values['stack-file'];
const began = performance.now();
const log = (message: string): void => console.log(`[fanout] ${message}`);

const previous = await stackFileOwner(stackFilePath);
if (previous.kind === 'running') {
  console.error(`[fanout] ${stackFilePath} belongs to a stack that is running (pid ${previous.pid}): stop it first, or start this one with --stack-file <another file>`);
  process.exit(1);
}
if (previous.kind === 'gone') {
  log(`${stackFilePath} is stale: the stack that wrote it${previous.pid ? ` (pid ${previous.pid})` : ''} is gone without removing it; it is replaced`);
  await rm(stackFilePath, { force: true });
}

// Signals may come while the stack starts, before there is one to close.
const running: { stack?: Stack } = {};
let stopping = false;
async function stop(reason: string): Promise<void> {
  const { stack } = running;
  if (stopping || !stack) {
    // While starting, or a second Ctrl-C: no waiting for a stuck start or close; the watchdog kills what is left.
    console.error(`[fanout] ${reason}${stopping ? ' again' : ' while starting'}: exiting now`);
    if (stack) await rm(stackFilePath, { force: true });
    process.exit(1);
  }
  stopping = true;
  log(`${reason}: stopping: no more orders are accepted, invocations in flight get ${SHUTDOWN_GRACE_MS / 1000} s to finish`);
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
process.on('SIGHUP', () => void stop('SIGHUP'));
// npm passes SIGTERM to the shell that runs this script, which dies without passing it on: then this
// process is re-parented, and stops as if it had got the signal.
const parent = process.ppid;
const parentWatch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(parentWatch);
  void stop(`parent process ${parent} exited`);
}, 250);
parentWatch.unref();

const backend = new EmbeddedBackend({
  deploy,
  terraform: { onOutput: (line) => console.log(`[terraform] ${line}`) },
  onLog: values.quiet ? undefined : (line) => console.log(`[${line.functionName}] ${line.message.trimEnd()}`),
  onDiscarded: (queues) => log(describeDiscarded(queues)),
});
const stack = await backend.start({
  overlays: fastTimers ? [fastTimersProfile] : [],
  onProgress: log,
});
running.stack = stack;
const file = await writeStackFile(stack.info, stackFilePath);
log(`up in ${Math.round(performance.now() - began)} ms`);
console.log(`
  API          ${file.apiUrl}/orders   (X-Api-Key: ${file.apiKey ?? 'not required'})
  Swagger UI   ${file.docsUrl}
  AWS          ${file.endpoints.aws}   every service: SNS, SQS, Lambda, IAM, STS, CloudWatch Logs
  Credentials  ${file.credentials ? `${file.credentials.accessKeyId} / ${file.credentials.secretAccessKey}   (every endpoint checks SigV4 signatures against them)` : 'any (FANOUT_VERIFY_SIGV4=false: signatures are not checked)'}
  SNS          ${file.endpoints.sns}   topic ${file.topicArn}
  SQS          ${file.endpoints.sqs}
  Lambda       ${file.endpoints.lambda}
  Deployed by  ${deploy === 'terraform' ? 'terraform apply of terraform/ (destroyed on Ctrl-C)' : 'the SDK provisioner'}${fastTimers ? ', fast-timers profile' : ''}
  Stack file   ${stackFilePath}

  Try: AWS_ACCESS_KEY_ID=${file.credentials?.accessKeyId ?? 'test'} AWS_SECRET_ACCESS_KEY=${file.credentials?.secretAccessKey ?? 'test'} aws --endpoint-url ${file.endpoints.aws} --region ${file.region} lambda list-functions
       FANOUT_BACKEND=compose FANOUT_STACK_FILE=${stackFilePath} npm run features   (the specs, against this stack)
  Ctrl-C stops everything.
`);

