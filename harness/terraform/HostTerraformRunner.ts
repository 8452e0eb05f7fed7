import { spawn } from 'node:child_process';
import { guardProcess } from '../processes/processGuard.ts';
import { terraformEnvironment } from './terraformEnvironment.ts';
import { terraformCommandError, type TerraformRunner } from './TerraformRunner.ts';

export interface HostTerraformRunnerOptions {
  binary: string;
  moduleDir: string;
  /** LocalStack's mapped port on this machine, e.g. http://localhost:49153. */
  endpointUrl: string;
  env?: NodeJS.ProcessEnv;
  /** What terraform signs with; default LocalStack's `test` (the embedded stack checks its own). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  onOutput?: (line: string) => void;
}

/** Credentials, profiles and endpoints of the developer's AWS account never reach a LocalStack deploy. */
export function hostTerraformEnv(env: NodeJS.ProcessEnv, endpointUrl: string, credentials?: { accessKeyId: string; secretAccessKey: string }): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('AWS_') && !name.startsWith('TF_VAR_')));
  return { ...kept, ...terraformEnvironment(endpointUrl, credentials) };
}

/** Runs a `terraform` or `tofu` found on this machine against LocalStack's mapped port. */
export class HostTerraformRunner implements TerraformRunner {
  readonly moduleDir: string;
  readonly endpointUrl: string;
  readonly #binary: string;
  readonly #env: NodeJS.ProcessEnv;
  readonly #onOutput: (line: string) => void;

  constructor(options: HostTerraformRunnerOptions) {
    this.#binary = options.binary;
    this.moduleDir = options.moduleDir;
    this.endpointUrl = options.endpointUrl;
    this.#env = hostTerraformEnv(options.env ?? process.env, options.endpointUrl, options.credentials);
    this.#onOutput = options.onOutput ?? (() => {});
  }

  run(args: readonly string[]): Promise<string> {
    const { promise, resolve, reject } = Promise.withResolvers<string>();
    const child = spawn(this.#binary, args, { env: this.#env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Killed if this process dies mid-apply, rather than retrying against an endpoint that is gone.
    const forget = child.pid === undefined ? () => {} : guardProcess(child.pid);
    child.once('exit', forget);
    let stdout = '';
    let combined = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      combined += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      combined += chunk;
      for (const line of chunk.split('\n')) if (line.trim() !== '') this.#onOutput(line);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(terraformCommandError({ where: this.#binary, args, exitCode: code ?? signal ?? 'unknown', output: combined }));
    });
    return promise;
  }
}
