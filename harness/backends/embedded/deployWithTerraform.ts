import { EdgeStats, type ServiceRequestStats } from '../../edge/EdgeStats.ts';
import { chooseTerraformRunner } from '../../terraform/chooseTerraformRunner.ts';
import { TerraformCommandError } from '../../terraform/errors.ts';
import { TerraformSession } from '../../terraform/TerraformSession.ts';
import { repoRoot } from '../../topology/loadTopology.ts';
import { BackendSettingError } from '../errors.ts';
import { parseTerraformOutputs, type TerraformOutputs } from '../terraformOutputs.ts';

export interface TerraformDeployOptions {
  /** The stack's one endpoint (`var.aws_endpoint_url`). */
  endpointUrl: string;
  /** The stack's credentials, which terraform signs with. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Its request counts, to split apply and destroy time into the emulator's share and the provider's. */
  edgeStats: EdgeStats;
  overlays: readonly string[];
  /** `FANOUT_TERRAFORM`: auto, terraform, tofu or a path. */
  terraform?: string;
  /** `FANOUT_TF_PLUGIN_MIRROR`. */
  pluginMirror?: string | undefined;
  onProgress?: (message: string) => void;
  onOutput?: (line: string) => void;
}

/** A terraform command's wall time, and the requests it made of the emulator with their summed durations. */
export interface TerraformCommandCost {
  wallMs: number;
  requests: Record<string, ServiceRequestStats>;
}

/** What `terraform apply` built, how long it took, and the teardown that destroys it. */
export interface TerraformDeployment extends AsyncDisposable {
  outputs: TerraformOutputs;
  providerVersion: string;
  initMs: number;
  apply: TerraformCommandCost;
  /** `terraform destroy`, then the workspace goes; safe to call twice. */
  destroy(): Promise<TerraformCommandCost>;
}

async function measured(stats: EdgeStats, run: () => Promise<unknown>): Promise<TerraformCommandCost> {
  const before = stats.snapshot();
  const began = performance.now();
  await run();
  return { wallMs: performance.now() - began, requests: EdgeStats.since(before, stats.snapshot()) };
}

/** "83.2 s, 195 requests answered in 0.40 s by the emulator (sqs 120, lambda 31, ...)" */
export function describeCost(cost: TerraformCommandCost): string {
  const services = Object.entries(cost.requests).sort(([, a], [, b]) => b.requests - a.requests);
  const requests = services.reduce((sum, [, stats]) => sum + stats.requests, 0);
  const busyMs = services.reduce((sum, [, stats]) => sum + stats.busyMs, 0);
  const perService = services.map(([name, stats]) => `${name} ${stats.requests}`).join(', ');
  return `${(cost.wallMs / 1000).toFixed(1)} s, ${requests} requests answered in ${(busyMs / 1000).toFixed(2)} s by the emulator (${perService})`;
}

/**
 * Applies terraform/ (a throwaway copy, local state) against the embedded stack's endpoint and reads its
 * outputs. A failed apply destroys what it made, removes the workspace and rethrows Terraform's own lines.
 */
export async function deployWithTerraform(options: TerraformDeployOptions): Promise<TerraformDeployment> {
  const progress = options.onProgress ?? (() => {});
  const choice = chooseTerraformRunner({ preference: options.terraform ?? 'auto', image: 'none' });
  if (choice.kind !== 'host') {
    throw new BackendSettingError('FANOUT_DEPLOY=terraform needs terraform or tofu on PATH (FANOUT_TERRAFORM names another binary)');
  }
  const session = await TerraformSession.create({
    repoRoot,
    binary: choice.binary,
    endpointUrl: options.endpointUrl,
    credentials: options.credentials,
    overlays: options.overlays,
    pluginMirror: options.pluginMirror,
    ...(options.onOutput ? { onOutput: options.onOutput } : {}),
  });
  let destroyed: Promise<TerraformCommandCost> | undefined;
  const destroy = (): Promise<TerraformCommandCost> => {
    destroyed ??= (async () => {
      try {
        progress('terraform destroy');
        const cost = await measured(options.edgeStats, () => session.runner.run(session.lines.destroy));
        progress(`terraform destroyed in ${describeCost(cost)}`);
        return cost;
      } finally {
        await session[Symbol.asyncDispose]();
      }
    })();
    return destroyed;
  };
  try {
    progress(`terraform init (${options.pluginMirror ? `provider mirror ${options.pluginMirror}` : 'providers from the registry'})`);
    const began = performance.now();
    const { providerVersion, vars } = await session.init();
    const initMs = performance.now() - began;
    progress(`terraform apply (hashicorp/aws ${providerVersion}${vars.lambda_runtime ? `, functions on ${vars.lambda_runtime}` : ''}); the provider waits ~25 s after creating each queue`);
    let apply: TerraformCommandCost;
    try {
      apply = await measured(options.edgeStats, () => session.runner.run(session.lines.apply));
    } catch (error) {
      // Whatever the failed apply created goes too; the apply's own error is the one to report.
      await destroy().catch(() => {});
      throw error;
    }
    progress(`terraform applied in ${describeCost(apply)}`);
    // Right after an apply, a plan that is not empty means a read answered otherwise than the provider wrote.
    progress('terraform plan -detailed-exitcode (what was applied must read back unchanged)');
    try {
      await session.runner.run(session.lines.planNoChanges);
    } catch (error) {
      await destroy().catch(() => {});
      throw new TerraformCommandError(`the embedded stack does not read back what terraform applied (a second plan is not empty):\n${error instanceof Error ? error.message : String(error)}`);
    }
    const outputs = parseTerraformOutputs(await session.runner.run(session.lines.output), 'terraform output -json (embedded)');
    return {
      outputs,
      providerVersion,
      initMs,
      apply,
      destroy,
      [Symbol.asyncDispose]: async () => {
        await destroy();
      },
    };
  } catch (error) {
    await session[Symbol.asyncDispose]();
    throw error;
  }
}
