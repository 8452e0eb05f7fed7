import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateFunctionCommand, InvokeCommand, LambdaClient, type CreateFunctionCommandInput } from '@aws-sdk/client-lambda';
import { ROLE } from './helpers/lambdaTestKit.ts';
import { zipFixture } from './helpers/zipFunction.ts';

const CANARY = 'canary-secret-of-the-service-7f3a';
const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('skipped the /proc isolation checks: environments run as users of their own only when the service runs as root');
const whenRoot = asRoot ? it : it.skip;

/**
 * A function reads nothing that is not its own. On Lambda, a function runs in a microVM of its own
 * (https://docs.aws.amazon.com/lambda/latest/dg/security-isolation.html); here, as root, each
 * environment runs as an unprivileged user of its own, so /proc/<pid>/environ of the service and of
 * other functions is refused (EACCES).
 */
describe('a function looking at what is not its own', () => {
  let service: ChildProcess;
  let lambda: LambdaClient;

  async function deploy(name: string, overrides: Partial<CreateFunctionCommandInput> = {}): Promise<void> {
    await lambda.send(new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Role: ROLE,
      Code: { ZipFile: await zipFixture('snoop') },
      ...overrides,
    }));
  }

  async function invoke(name: string, event: unknown = {}): Promise<{ functionError?: string; payload: Record<string, unknown> }> {
    const output = await lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)) }));
    return { functionError: output.FunctionError, payload: JSON.parse(Buffer.from(output.Payload ?? new Uint8Array()).toString('utf8')) as Record<string, unknown> };
  }

  beforeAll(async () => {
    // Prepare: the service in a process whose environment holds a secret, as a developer's shell may
    service = spawn(process.execPath, [fileURLToPath(new URL('./helpers/lambdaServiceProcess.ts', import.meta.url))], {
      env: { PATH: process.env.PATH, AWS_SECRET_ACCESS_KEY: CANARY },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      service.once('message', (message) => resolve((message as { url: string }).url));
      service.once('exit', (code) => reject(new Error(`the service exited (${code})`)));
    });
    lambda = new LambdaClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    await deploy('snoop');
    await deploy('neighbour', { Environment: { Variables: { NEIGHBOUR_SECRET: 'neighbour-secret-1c9e' } } });
  }, 30_000);

  afterAll(async () => {
    lambda?.destroy();
    service?.disconnect();
    await new Promise((resolve) => (service.exitCode === null ? service.once('exit', resolve) : resolve(undefined)));
  });

  whenRoot("cannot read the service's environment through /proc/<ppid>/environ", async () => {
    const result = await invoke('snoop');

    expect(result.payload).toMatchObject({ error: 'EACCES' });
    expect(JSON.stringify(result.payload)).not.toContain(CANARY);
    expect(result.payload.uid).not.toBe(0);
  });

  whenRoot("cannot read another function's environment or memory", async () => {
    const { pid } = (await invoke('neighbour', { path: '/proc/self/environ' })).payload as { pid: number };

    const environ = await invoke('snoop', { path: `/proc/${pid}/environ` });
    const memory = await invoke('snoop', { path: `/proc/${pid}/mem` });

    expect(environ.payload).toMatchObject({ error: 'EACCES' });
    expect(memory.payload).toMatchObject({ error: 'EACCES' });
  });

  it.each([['../../../../../../../../etc/passwd.handler'], ['/etc/hostname.x']])(
    'cannot load %s, a file outside its code, as its handler (and sees none of it)',
    async (handler) => {
      const name = `escape-${handler.replaceAll(/[^a-z]/g, '').slice(0, 20)}`;
      await deploy(name, { Handler: handler });

      const result = await invoke(name);

      expect(result.functionError).toBe('Unhandled');
      expect(result.payload).toMatchObject({ errorType: 'Runtime.ImportModuleError', errorMessage: expect.stringContaining('Cannot find module') });
      expect(JSON.stringify(result.payload)).not.toMatch(/root:|SyntaxError/);
    },
  );
});
