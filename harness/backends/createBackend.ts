import { selectedDeployMethod } from './deployMethod.ts';
import { selectedTiming } from './timingProfile.ts';
import { BackendName, type Backend } from './types.ts';

const names = Object.values(BackendName) as string[];

function isBackendName(value: string): value is BackendName {
  return names.includes(value);
}

/** Reads the backend switch: `--backend NAME` on the command line wins over `FANOUT_BACKEND`; default `embedded`. */
export function selectedBackendName(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): BackendName {
  const flagAt = argv.indexOf('--backend');
  const fromFlag = flagAt >= 0 ? argv[flagAt + 1] : argv.find((arg) => arg.startsWith('--backend='))?.slice('--backend='.length);
  const value = fromFlag ?? env.FANOUT_BACKEND ?? BackendName.embedded;
  if (!isBackendName(value)) {
    throw new Error(`unknown backend "${value}": choose one of ${names.join(', ')} (FANOUT_BACKEND or --backend)`);
  }
  return value;
}

/**
 * Loads only the chosen backend, so the embedded run never imports testcontainers. The embedded backend
 * deploys as `FANOUT_DEPLOY` says (the SDK provisioner by default, or `terraform apply`), and times its
 * Lambda service as `FANOUT_TIMING` says (`fast` by default, or `aws`).
 */
export async function createBackend(name: BackendName, env: NodeJS.ProcessEnv = process.env): Promise<Backend> {
  switch (name) {
    case BackendName.embedded:
      return new (await import('./embedded/EmbeddedBackend.ts')).EmbeddedBackend({ deploy: selectedDeployMethod([], env), timing: selectedTiming(env) });
    case BackendName.localstack:
      return new (await import('./localstack/LocalStackBackend.ts')).LocalStackBackend();
    case BackendName.compose:
      return new (await import('./compose/ComposeBackend.ts')).ComposeBackend();
    case BackendName.aws:
      return new (await import('./aws/AwsBackend.ts')).AwsBackend();
  }
}
