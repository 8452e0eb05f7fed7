import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HostTerraformRunner } from './HostTerraformRunner.ts';
import { installedAwsProviderVersion, providerInstallationEnv, providerVars } from './providerInstallation.ts';
import { terraformCommandLines, type TerraformCommandLines } from './terraformCommands.ts';
import { materializeTerraformWorkspace, planTerraformWorkspace } from './terraformWorkspace.ts';

export interface TerraformSessionOptions {
  repoRoot: string;
  /** A `terraform` or `tofu` binary on this machine. */
  binary: string;
  /** The emulator the provider talks to (`var.aws_endpoint_url`). */
  endpointUrl: string;
  /** tfvars overlays (absolute or cwd-relative), e.g. the fast-timers profile. */
  overlays?: readonly string[];
  /** A filesystem mirror of providers (`FANOUT_TF_PLUGIN_MIRROR`); absent means the registry. */
  pluginMirror?: string | undefined;
  /** Every line terraform writes to stderr, as it comes. */
  onOutput?: (line: string) => void;
  /** What terraform signs its requests with (the embedded stack's credentials); default `test`. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * A throwaway copy of `terraform/` and `dist/lambdas/` with a local backend, initialised from the registry
 * or a mirror, and the command lines that plan, apply and destroy it against an emulator with the
 * variables the installed provider needs. Disposing it removes the copy (and its state).
 */
export class TerraformSession implements AsyncDisposable {
  readonly dir: string;
  readonly runner: HostTerraformRunner;
  readonly #overlayFiles: readonly string[];
  readonly #endpointUrl: string;
  #providerVersion: string | undefined;
  #lines: TerraformCommandLines | undefined;

  private constructor(options: { dir: string; runner: HostTerraformRunner; varFiles: readonly string[]; endpointUrl: string }) {
    this.dir = options.dir;
    this.runner = options.runner;
    this.#overlayFiles = options.varFiles;
    this.#endpointUrl = options.endpointUrl;
  }

  /** Lays out the workspace; nothing runs yet. */
  static async create(options: TerraformSessionOptions): Promise<TerraformSession> {
    const dir = await mkdtemp(path.join(tmpdir(), 'fanout-terraform-'));
    try {
      const plan = planTerraformWorkspace({ repoRoot: options.repoRoot, overlays: options.overlays ?? [] });
      await materializeTerraformWorkspace(plan, dir);
      const installation = await providerInstallationEnv({ mirrorDir: options.pluginMirror, workspaceDir: dir });
      const runner = new HostTerraformRunner({
        binary: options.binary,
        moduleDir: path.join(dir, plan.terraformDir),
        endpointUrl: options.endpointUrl,
        env: { ...process.env, ...installation },
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(options.onOutput ? { onOutput: options.onOutput } : {}),
      });
      return new TerraformSession({ dir, runner, varFiles: plan.varFiles, endpointUrl: options.endpointUrl });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** `terraform init`; afterwards the command lines carry the variables the installed provider needs. */
  async init(): Promise<{ providerVersion: string; vars: Record<string, string> }> {
    await this.runner.run(terraformCommandLines({ chdir: this.runner.moduleDir, endpointUrl: this.#endpointUrl, varFiles: [] }).init);
    this.#providerVersion = await installedAwsProviderVersion(this.runner.moduleDir);
    const vars = providerVars(this.#providerVersion);
    this.#lines = terraformCommandLines({ chdir: this.runner.moduleDir, endpointUrl: this.#endpointUrl, varFiles: this.#overlayFiles, vars });
    return { providerVersion: this.#providerVersion, vars };
  }

  /** The command lines with this workspace's overlays; `init` first. */
  get lines(): TerraformCommandLines {
    if (!this.#lines) throw new Error('TerraformSession: call init() first');
    return this.#lines;
  }

  /** Command lines of the same workspace with other overlays (relative to the root module), e.g. a second plan. */
  linesWith(varFiles: readonly string[]): TerraformCommandLines {
    const vars = this.#providerVersion ? providerVars(this.#providerVersion) : {};
    return terraformCommandLines({ chdir: this.runner.moduleDir, endpointUrl: this.#endpointUrl, varFiles, vars });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
