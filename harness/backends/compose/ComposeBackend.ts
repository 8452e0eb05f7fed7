import { existsSync } from 'node:fs';
import { createAwsClients } from '../../aws/awsClients.ts';
import { loadTopology } from '../../topology/loadTopology.ts';
import { DeployedStack } from '../DeployedStack.ts';
import { probeHttp } from '../probeHttp.ts';
import { publisherUrls } from '../publisherUrls.ts';
import { readTerraformOutputs } from '../terraformOutputs.ts';
import { BackendName, type Backend, type Stack, type StackInfo, type StartOptions } from '../types.ts';
import { composeSettingsFromEnv, type ComposeSettings } from './composeSettings.ts';
import { StackUnreachableError } from '../errors.ts';
import { assertTopicExists, findStackResources, type StackResources } from './findStackResources.ts';

export interface ComposeBackendOptions extends Partial<ComposeSettings> {
  /** Replaces the HTTP reachability probe (tests). */
  probe?: typeof probeHttp;
  /** Read for the settings not given; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

const upCommand = 'npm run compose:up';

/**
 * Runs the specs against the stack of `compose/docker-compose.yml`, started by the developer beforehand.
 * It never starts or stops a container: closing only disposes the SDK clients.
 */
export class ComposeBackend implements Backend {
  readonly name = BackendName.compose;
  readonly #settings: ComposeSettings;
  readonly #probe: typeof probeHttp;

  constructor(options: ComposeBackendOptions = {}) {
    const { probe, env, ...settings } = options;
    this.#settings = { ...composeSettingsFromEnv(env), ...settings };
    this.#probe = probe ?? probeHttp;
  }

  get settings(): Readonly<ComposeSettings> {
    return this.#settings;
  }

  async start(options: StartOptions = {}): Promise<Stack> {
    const settings = this.#settings;
    const progress = options.onProgress ?? (() => {});
    if (options.overlays?.length) {
      progress('compose: tfvars overlays are applied by the compose "terraform" service, not by the harness');
    }
    await this.#assertReachable();

    const endpoints = { sns: settings.awsEndpoint, sqs: settings.awsEndpoint, lambda: settings.awsEndpoint, logs: settings.awsEndpoint };
    let region = settings.region;
    let resources: StackResources;
    if (existsSync(settings.outputsFile)) {
      const outputs = await readTerraformOutputs(settings.outputsFile);
      region = outputs.region;
      using clients = createAwsClients({ region, endpoints, credentials: { ...settings.credentials } });
      await assertTopicExists(clients, outputs.topicArn, settings.outputsFile);
      resources = { topicArn: outputs.topicArn, outcomesQueueUrl: outputs.outcomesQueueUrl };
      progress(`compose: Terraform outputs from ${settings.outputsFile}`);
    } else {
      using clients = createAwsClients({ region, endpoints, credentials: { ...settings.credentials } });
      resources = await findStackResources(clients, await loadTopology());
      progress(`compose: no ${settings.outputsFile}; found the topic and outcomes queue by name`);
    }

    const { apiUrl, docsUrl } = publisherUrls(settings.apiUrl);
    const info: StackInfo = {
      backend: BackendName.compose,
      apiUrl,
      docsUrl,
      ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
      region,
      endpoints,
      credentials: { ...settings.credentials },
      ...resources,
    };
    // Started by the developer, for every worker of the run and for whoever else uses it: shared.
    return new DeployedStack({ info, shared: true });
  }

  async #assertReachable(): Promise<void> {
    const { awsEndpoint, apiUrl, probeTimeoutMs } = this.#settings;
    // Any HTTP answer means LocalStack is up; the publisher must answer its health check.
    const [aws, publisher] = await Promise.all([
      this.#probe(awsEndpoint, { timeoutMs: probeTimeoutMs, acceptAnyStatus: true }),
      this.#probe(publisherUrls(apiUrl).healthUrl, { timeoutMs: probeTimeoutMs }),
    ]);
    const failures = [
      ...(aws === undefined ? [] : [`LocalStack at ${awsEndpoint} (FANOUT_AWS_ENDPOINT): ${aws}`]),
      ...(publisher === undefined ? [] : [`publisher at ${apiUrl} (FANOUT_API_URL): ${publisher}`]),
    ];
    if (failures.length > 0) {
      const start = this.#settings.stackFile === undefined ? `"${upCommand}"` : `"npm start" (FANOUT_STACK_FILE=${this.#settings.stackFile} is from one that is no longer running)`;
      throw new StackUnreachableError(`compose backend found no running stack: ${failures.join('; ')}. Start it with ${start} or use FANOUT_BACKEND=embedded.`);
    }
  }
}
