import { TerraformCommandError } from './errors.ts';

/** Runs one terraform command and resolves with its standard output; rejects with TerraformCommandError. */
export interface TerraformRunner {
  /** Where the root module is, as this runner's terraform process sees it (for `-chdir`). */
  readonly moduleDir: string;
  /** LocalStack as this runner's terraform process reaches it. */
  readonly endpointUrl: string;
  run(args: readonly string[]): Promise<string>;
}

const tailLines = 25;

/** One line saying what failed, then the last lines of its output. */
export function terraformCommandError(options: { where: string; args: readonly string[]; exitCode: number | string; output: string }): TerraformCommandError {
  const tail = options.output.trimEnd().split('\n').slice(-tailLines).join('\n');
  return new TerraformCommandError(`terraform ${options.args.join(' ')} failed (${options.where}, exit ${options.exitCode}):\n${tail}`);
}
