/** The three terraform invocations of a LocalStack deploy, as argument lists (without the binary). */
export interface TerraformCommandLines {
  init: string[];
  apply: string[];
  output: string[];
}

export interface TerraformCommandOptions {
  /** The root module folder, as the terraform process sees it. */
  chdir: string;
  /** LocalStack as the terraform process reaches it; becomes `var.aws_endpoint_url`. */
  endpointUrl: string;
  /** tfvars overlays, relative to `chdir`, applied after `fanout.auto.tfvars.json` in this order. */
  varFiles: readonly string[];
}

/** `init`, `apply -auto-approve` against the endpoint with the overlays, and `output -json`. */
export function terraformCommandLines(options: TerraformCommandOptions): TerraformCommandLines {
  const chdir = `-chdir=${options.chdir}`;
  return {
    init: [chdir, 'init', '-input=false', '-no-color'],
    apply: [
      chdir,
      'apply',
      '-auto-approve',
      '-input=false',
      '-no-color',
      `-var=aws_endpoint_url=${options.endpointUrl}`,
      ...options.varFiles.map((file) => `-var-file=${file}`),
    ],
    output: [chdir, 'output', '-json', '-no-color'],
  };
}
