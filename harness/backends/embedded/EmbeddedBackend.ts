import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { buildLambdas } from '../../../scripts/build-lambdas.ts';
import { startPublisher } from '../../../services/publisher/src/startPublisher.ts';
import { createAwsClients } from '../../aws/awsClients.ts';
import { EMULATOR_CREDENTIALS, startEmbeddedCloud, type EmbeddedCloudOptions } from '../../embedded/startEmbeddedCloud.ts';
import { provisionTopology } from '../../provisioner/provisionTopology.ts';
import { loadTopology, repoRoot } from '../../topology/loadTopology.ts';
import { BackendName, type Backend, type Stack, type StackInfo, type StartOptions } from '../types.ts';
import { EmbeddedStack } from './EmbeddedStack.ts';

export interface EmbeddedBackendOptions {
  /** Where the Lambda bundles are; default `dist/lambdas`. */
  distDir?: string;
  /**
   * Bundle the Lambdas into `distDir` before deploying them (about a second), so a fresh clone and an
   * edited handler just work; default true. Callers that have just built them pass false.
   */
  buildLambdas?: boolean;
  /** Keys the publisher accepts; default one random key, so the API-key scenarios hold on every run. */
  apiKeys?: string[];
  onLog?: EmbeddedCloudOptions['onLog'];
}

/** The default backend: fauxqs, the embedded Lambda service and the publisher, all on loopback, no Docker. */
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
    if (this.#options.buildLambdas ?? true) {
      progress('bundling the Lambdas');
      await buildLambdas({ outDir: distDir });
    }
    progress('starting fauxqs (SNS, SQS) and the Lambda service');
    const cloud = await startEmbeddedCloud({
      region: topology.region,
      ...(this.#options.onLog ? { onLog: this.#options.onLog } : {}),
    });
    const clients = createAwsClients({ region: cloud.region, endpoints: cloud.endpoints, credentials: EMULATOR_CREDENTIALS });
    try {
      progress(`provisioning ${Object.keys(topology.consumers).length} consumers from the topology`);
      const provisioned = await provisionTopology({
        topology,
        clients,
        distDir,
      });
      const apiKeys = this.#options.apiKeys ?? [randomBytes(16).toString('hex')];
      progress('starting the publisher');
      const publisher = await startPublisher({
        topicArn: provisioned.topicArn,
        apiKeys,
        snsClientConfig: { region: cloud.region, endpoint: cloud.endpoints.sns, credentials: EMULATOR_CREDENTIALS },
      });
      const info: StackInfo = {
        backend: BackendName.embedded,
        apiUrl: publisher.url,
        docsUrl: `${publisher.url}/docs`,
        ...(apiKeys[0] ? { apiKey: apiKeys[0] } : {}),
        region: cloud.region,
        endpoints: cloud.endpoints,
        credentials: EMULATOR_CREDENTIALS,
        topicArn: provisioned.topicArn,
        outcomesQueueUrl: provisioned.outcomesQueueUrl,
      };
      return new EmbeddedStack({ info, cloud, publisher, provisioned });
    } catch (error) {
      await cloud.close();
      throw error;
    } finally {
      clients[Symbol.dispose]();
    }
  }
}
