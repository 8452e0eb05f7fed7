import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { buildLambdas } from '../../build/buildLambdas.ts';
import { publisherEntry } from '../../build/buildPublisher.ts';
import { awaitHandedOffBuild } from '../../build/lambdaBuildHandoff.ts';
import { createAwsClients } from '../../aws/awsClients.ts';
import { startEmbeddedCloud, type EmbeddedCloud, type EmbeddedCloudOptions } from '../../embedded/startEmbeddedCloud.ts';
import { stackAuthFromEnv, type StackAuthSettings } from '../../embedded/stackCredentialsFromEnv.ts';
import type { QueuedMessages } from '../../embedded/countQueuedMessages.ts';
import { provisionTopology } from '../../provisioner/provisionTopology.ts';
import { loadTopology, repoRoot } from '../../topology/loadTopology.ts';
import { topicName } from '../../topology/resourceNames.ts';
import { EMULATOR_ACCOUNT_ID } from '../../aws/emulator.ts';
import type { Topology } from '../../topology/topologySchema.ts';
import { DeployMethod } from '../deployMethod.ts';
import { BackendName, type Backend, type Stack, type StackInfo, type StartOptions } from '../types.ts';
import { deployWithTerraform, type TerraformDeployment } from './deployWithTerraform.ts';
import { EmbeddedStack } from './EmbeddedStack.ts';
import { startPublisherProcess, type PublisherProcess } from './startPublisherProcess.ts';
import { disposeAll } from '../../lifecycle/disposeAll.ts';

export interface EmbeddedBackendOptions {
  /** Where the Lambda bundles are; default `dist/lambdas`. */
  distDir?: string;
  /**
   * Bundle the Lambdas into `distDir` before deploying them (about a second; nothing when their stamps say
   * they are current), so a fresh clone and an edited handler just work; default true. Callers that have
   * just built them pass false. The publisher runs from its bundle when `npm run build` made it from the
   * current sources, else from source (`publisherEntry`).
   */
  buildLambdas?: boolean;
  /** Keys the publisher accepts; default one random key, so the API-key scenarios hold on every run. */
  apiKeys?: string[];
  /** `sdk` (default): the fast provisioner; `terraform`: `terraform apply` of terraform/ (bundles from dist/lambdas). */
  deploy?: DeployMethod;
  /** Terraform settings for `deploy: terraform`; default from FANOUT_TERRAFORM and FANOUT_TF_PLUGIN_MIRROR. */
  terraform?: { binary?: string; pluginMirror?: string | undefined; onOutput?: (line: string) => void };
  onLog?: EmbeddedCloudOptions['onLog'];
  /** How long the Lambda service's mapping transitions and idle poll gaps take; default the fast profile. */
  timing?: EmbeddedCloudOptions['timing'];
  /** The stack's credentials and whether signatures are checked; default from FANOUT_AWS_* and FANOUT_VERIFY_SIGV4. */
  auth?: StackAuthSettings;
  /** Told, when the stack closes, how many messages each queue still held (they are lost with it). */
  onDiscarded?: (queues: QueuedMessages[]) => void;
}

/** What a deploy made: where the publisher publishes, what the specs drain, and what closing must undo. */
interface Deployed {
  topicArn: string;
  outcomesQueueUrl: string;
  terraform?: TerraformDeployment;
}

/** The default backend: fauxqs, the embedded Lambda, IAM, STS and Logs services and the publisher, all on loopback, no Docker. */
export class EmbeddedBackend implements Backend {
  readonly name = BackendName.embedded;
  readonly #options: EmbeddedBackendOptions;

  constructor(options: EmbeddedBackendOptions = {}) {
    this.#options = options;
  }

  async start(options: StartOptions = {}): Promise<Stack> {
    const progress = options.onProgress ?? (() => {});
    const topology = await loadTopology({ overlays: options.overlays ?? [] });
    const distDir = this.#options.distDir ?? path.join(repoRoot, 'dist', 'lambdas');
    // Checked while the Lambdas are built and the cloud starts; the publisher starts last.
    const publisherFrom = publisherEntry();
    publisherFrom.catch(() => {});
    if (this.#options.buildLambdas ?? true) {
      progress('bundling the Lambdas');
      // Under `npm run features` the runner builds the default bundles once, for every worker.
      const handedOff = this.#options.distDir === undefined && (await awaitHandedOffBuild());
      if (!handedOff) await buildLambdas({ outDir: distDir });
    }
    progress('starting fauxqs (SNS, SQS), the Lambda, IAM, STS and CloudWatch Logs services');
    const auth = this.#options.auth ?? stackAuthFromEnv();
    const cloud = await startEmbeddedCloud({
      region: topology.region,
      verifySignatures: auth.verifySignatures,
      ...(auth.credentials ? { credentials: auth.credentials } : {}),
      ...(this.#options.onLog ? { onLog: this.#options.onLog } : {}),
      ...(this.#options.timing ? { timing: this.#options.timing } : {}),
    });
    let deployed: Deployed | undefined;
    let publisher: PublisherProcess | undefined;
    const apiKeys = this.#options.apiKeys ?? [randomBytes(16).toString('hex')];
    const startPublisher = async (topicArn: string): Promise<PublisherProcess> => {
      const entry = await publisherFrom;
      progress(`starting the publisher (${path.relative(repoRoot, entry)})`);
      return startPublisherProcess({ entry, topicArn, apiKeys, region: cloud.region, snsEndpoint: cloud.endpoints.sns, credentials: cloud.credentials });
    };
    try {
      if (this.#options.deploy === DeployMethod.terraform) {
        deployed = await this.#deployWithTerraform(cloud, options, progress);
        publisher = await startPublisher(deployed.topicArn);
      } else {
        // The SDK provisioner names the topic as the topology says, so the publisher (a Node process, half a
        // second to start) starts while the consumers are provisioned; it publishes nothing before the specs do.
        const topicArn = `arn:aws:sns:${cloud.region}:${EMULATOR_ACCOUNT_ID}:${topicName(topology)}`;
        const [deploy, start] = await Promise.allSettled([this.#deployWithSdk(cloud, topology, distDir, progress), startPublisher(topicArn)]);
        if (deploy.status === 'rejected' || start.status === 'rejected') {
          if (start.status === 'fulfilled') publisher = start.value;
          throw deploy.status === 'rejected' ? deploy.reason : start.status === 'rejected' ? start.reason : undefined;
        }
        publisher = start.value;
        deployed = deploy.value;
        if (deployed.topicArn !== topicArn) {
          throw new Error(`the provisioner created topic ${deployed.topicArn}, not ${topicArn} as the publisher was told`);
        }
      }
      const info: StackInfo = {
        backend: BackendName.embedded,
        apiUrl: publisher.url,
        docsUrl: `${publisher.url}/docs`,
        ...(apiKeys[0] ? { apiKey: apiKeys[0] } : {}),
        region: cloud.region,
        endpoints: cloud.endpoints,
        credentials: cloud.credentials,
        topicArn: deployed.topicArn,
        outcomesQueueUrl: deployed.outcomesQueueUrl,
      };
      return new EmbeddedStack({
        info,
        cloud,
        publisher,
        ...(deployed.terraform ? { terraform: deployed.terraform } : {}),
        ...(this.#options.onDiscarded ? { onDiscarded: this.#options.onDiscarded } : {}),
      });
    } catch (error) {
      // Disposed last-in, first-out: the publisher stops, Terraform destroys what it applied, then the cloud stops.
      const cleanup = new AsyncDisposableStack();
      cleanup.defer(() => cloud.close());
      cleanup.defer(async () => {
        await deployed?.terraform?.destroy();
      });
      cleanup.defer(async () => {
        await publisher?.close();
      });
      await disposeAll(cleanup);
      throw error;
    }
  }

  async #deployWithSdk(cloud: EmbeddedCloud, topology: Topology, distDir: string, progress: (message: string) => void): Promise<Deployed> {
    using clients = createAwsClients({ region: cloud.region, endpoints: cloud.endpoints, credentials: cloud.credentials });
    progress(`provisioning ${Object.keys(topology.consumers).length} consumers from the topology`);
    const provisioned = await provisionTopology({ topology, clients, distDir });
    return { topicArn: provisioned.topicArn, outcomesQueueUrl: provisioned.outcomesQueueUrl };
  }

  async #deployWithTerraform(cloud: EmbeddedCloud, options: StartOptions, progress: (message: string) => void): Promise<Deployed> {
    const settings = this.#options.terraform ?? {};
    const terraform = await deployWithTerraform({
      endpointUrl: cloud.endpoints.aws,
      credentials: cloud.credentials,
      edgeStats: cloud.edgeStats,
      overlays: options.overlays ?? [],
      terraform: settings.binary ?? process.env.FANOUT_TERRAFORM ?? 'auto',
      pluginMirror: settings.pluginMirror ?? (process.env.FANOUT_TF_PLUGIN_MIRROR || undefined),
      onProgress: progress,
      ...(settings.onOutput ? { onOutput: settings.onOutput } : {}),
    });
    return { topicArn: terraform.outputs.topicArn, outcomesQueueUrl: terraform.outputs.outcomesQueueUrl, terraform };
  }
}
