/** The terraform invocations of a deploy, a check and a teardown, as argument lists (without the binary). */
export interface TerraformCommandLines {
  init: string[];
  validate: string[];
  /** `plan -out=<planFile>`; read back with `show`. */
  plan: (planFile: string) => string[];
  show: (planFile: string) => string[];
  /** `plan -detailed-exitcode`: exits 2 (a failure for the runner) when the state differs from the configuration. */
  planNoChanges: string[];
  apply: string[];
  output: string[];
  destroy: string[];
}

export interface TerraformCommandOptions {
  /** The root module folder, as the terraform process sees it. */
  chdir: string;
  /** The emulator as the terraform process reaches it; becomes `var.aws_endpoint_url`. */
  endpointUrl: string;
  /** tfvars overlays, relative to `chdir`, applied after `fanout.auto.tfvars.json` in this order. */
  varFiles: readonly string[];
  /** Further `-var` values, e.g. `lambda_runtime` for a provider older than the module's default runtime. */
  vars?: Readonly<Record<string, string>>;
}

/** Every command that reads the configuration gets the same variables, so plan, apply and destroy agree. */
export function terraformCommandLines(options: TerraformCommandOptions): TerraformCommandLines {
  const chdir = `-chdir=${options.chdir}`;
  const quiet = ['-input=false', '-no-color'];
  const variables = [
    `-var=aws_endpoint_url=${options.endpointUrl}`,
    ...Object.entries(options.vars ?? {}).map(([name, value]) => `-var=${name}=${value}`),
    ...options.varFiles.map((file) => `-var-file=${file}`),
  ];
  return {
    init: [chdir, 'init', ...quiet],
    validate: [chdir, 'validate', '-no-color'],
    plan: (planFile) => [chdir, 'plan', ...quiet, ...variables, `-out=${planFile}`],
    show: (planFile) => [chdir, 'show', '-json', '-no-color', planFile],
    planNoChanges: [chdir, 'plan', '-detailed-exitcode', ...quiet, ...variables],
    apply: [chdir, 'apply', '-auto-approve', ...quiet, ...variables],
    output: [chdir, 'output', '-json', '-no-color'],
    destroy: [chdir, 'destroy', '-auto-approve', ...quiet, ...variables],
  };
}
