import path from 'node:path';
import { fastTimersProfile, loadTopology, repoRoot } from '../topology/loadTopology.ts';
import { checkPlan } from './checkPlan.ts';
import { chooseTerraformRunner } from './chooseTerraformRunner.ts';
import { TerraformCommandError } from './errors.ts';
import { runtimeForOlderProviders } from './providerInstallation.ts';
import { TerraformSession } from './TerraformSession.ts';

/** The module's default runtime (`var.lambda_runtime` in terraform/variables.tf). */
const moduleDefaultRuntime = 'nodejs24.x';
/**
 * A plan of an empty state calls no AWS API (verified with TF_LOG=DEBUG): the endpoint only has to be an
 * emulator's, so the provider skips its credential and account checks. Nothing listens on port 9.
 */
const planEndpoint = 'http://127.0.0.1:9';

export interface TerraformCheckOptions {
  /** `terraform`, `tofu`, a path, or `auto` (`FANOUT_TERRAFORM`). */
  terraform?: string;
  /** `FANOUT_TF_PLUGIN_MIRROR`. */
  pluginMirror?: string | undefined;
  /** Skip (not fail) when no terraform binary or no provider can be had, as `npm test` does. */
  ifAvailable?: boolean;
  log?: (line: string) => void;
}

export type TerraformCheckResult =
  | { status: 'passed'; providerVersion: string; runtime: string; plans: number; consumers: number }
  | { status: 'failed'; problems: string[] }
  | { status: 'skipped'; reason: string };

/**
 * `npm run tf:check`: init (registry or mirror), validate, then plan the topology with and without the
 * fast-timers profile and check each plan against the topology. The Lambda bundles must be built.
 */
export async function runTerraformCheck(options: TerraformCheckOptions = {}): Promise<TerraformCheckResult> {
  const log = options.log ?? (() => {});
  const choice = chooseTerraformRunner({ preference: options.terraform ?? 'auto', image: 'none' });
  if (choice.kind !== 'host') {
    const reason = 'neither terraform nor tofu is on PATH (FANOUT_TERRAFORM names another binary)';
    return options.ifAvailable ? { status: 'skipped', reason } : { status: 'failed', problems: [reason] };
  }
  await using session = await TerraformSession.create({
    repoRoot,
    binary: choice.binary,
    endpointUrl: planEndpoint,
    pluginMirror: options.pluginMirror,
  });
  log(`terraform init (${options.pluginMirror ? `provider mirror ${options.pluginMirror}` : 'providers from the registry'})`);
  let providerVersion: string;
  let vars: Record<string, string>;
  try {
    ({ providerVersion, vars } = await session.init());
  } catch (error) {
    if (options.ifAvailable && !options.pluginMirror && error instanceof TerraformCommandError) {
      const firstError = /Error: (.+)/.exec(error.message)?.[1] ?? 'terraform init failed';
      return { status: 'skipped', reason: `no hashicorp/aws provider could be installed (${firstError}); set FANOUT_TF_PLUGIN_MIRROR to a filesystem mirror` };
    }
    throw error;
  }
  const runtime = vars.lambda_runtime ?? moduleDefaultRuntime;
  log(`hashicorp/aws ${providerVersion}: functions planned with ${runtime}${runtime === runtimeForOlderProviders ? ' (this provider predates nodejs24.x)' : ''}`);
  log('terraform validate');
  await session.runner.run(session.lines.validate);

  const profiles = [
    { name: 'the topology', overlays: [] as string[] },
    { name: 'the topology with the fast-timers profile', overlays: [fastTimersProfile] },
  ];
  const problems: string[] = [];
  for (const profile of profiles) {
    const varFiles = profile.overlays.map((overlay) => path.relative(path.join(repoRoot, 'terraform'), overlay));
    const lines = session.linesWith(varFiles);
    const planFile = path.join(session.dir, 'check.tfplan');
    log(`terraform plan of ${profile.name}`);
    await session.runner.run(lines.plan(planFile));
    const shown = await session.runner.run(lines.show(planFile));
    const topology = await loadTopology({ overlays: profile.overlays });
    problems.push(...checkPlan(shown, { topology, runtime }).map((problem) => `${profile.name}: ${problem}`));
  }
  if (problems.length > 0) return { status: 'failed', problems };
  const consumers = Object.keys((await loadTopology()).consumers).length;
  return { status: 'passed', providerVersion, runtime, plans: profiles.length, consumers };
}
