import { execFile, spawnSync } from 'node:child_process';

/** The `aws` command on PATH, or undefined (the tests that need it skip, saying so). */
export const awsCliPath: string | undefined = (() => {
  const found = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
})();

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Where the CLI sends its requests, and what it signs them with (the stack's credentials, as `npm start` prints them). */
export interface CliTarget {
  endpoint: string;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

/**
 * The AWS CLI, pointed at an emulator with --endpoint-url, as the README shows. The stack's endpoints check
 * the CLI's SigV4 signatures against its credentials. Asynchronous: the emulator may answer from this
 * process's event loop.
 */
export function awsCli(target: CliTarget, ...args: string[]): Promise<CliResult> {
  if (!awsCliPath) throw new Error('no `aws` command on PATH');
  const { endpoint } = target;
  const { accessKeyId, secretAccessKey } = target.credentials ?? { accessKeyId: 'test', secretAccessKey: 'test' };
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_MAX_ATTEMPTS: '1' };
  const { promise, resolve } = Promise.withResolvers<CliResult>();
  execFile(awsCliPath, ['--endpoint-url', endpoint, '--output', 'json', ...args], { env, timeout: 20_000 }, (error, stdout, stderr) => {
    resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
  });
  return promise;
}
