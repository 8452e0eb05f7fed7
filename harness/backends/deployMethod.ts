/** How the embedded backend creates the topology: `FANOUT_DEPLOY` or `--deploy`. */
export const DeployMethod = {
  /** The SDK provisioner (harness/provisioner): the topology in about 100 ms. The default. */
  sdk: 'sdk',
  /** `terraform apply` of terraform/ against the stack's one endpoint, `terraform destroy` at the end. */
  terraform: 'terraform',
} as const;
export type DeployMethod = (typeof DeployMethod)[keyof typeof DeployMethod];

const methods = Object.values(DeployMethod) as string[];

/** `--deploy NAME` on the command line wins over `FANOUT_DEPLOY`; default `sdk`. */
export function selectedDeployMethod(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): DeployMethod {
  const flagAt = argv.indexOf('--deploy');
  const fromFlag = flagAt >= 0 ? argv[flagAt + 1] : argv.find((arg) => arg.startsWith('--deploy='))?.slice('--deploy='.length);
  const value = fromFlag ?? (env.FANOUT_DEPLOY?.trim() || DeployMethod.sdk);
  if (!methods.includes(value)) {
    throw new Error(`unknown deploy method "${value}": choose one of ${methods.join(', ')} (FANOUT_DEPLOY or --deploy)`);
  }
  return value as DeployMethod;
}
