import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalstackContainer } from '@testcontainers/localstack';
import { GenericContainer, Network, type StartedNetwork } from 'testcontainers';
import { EMULATOR_CREDENTIALS } from '../../aws/emulator.ts';
import { loadTopology } from '../../topology/loadTopology.ts';
import { consumerResourceNames } from '../../topology/resourceNames.ts';
import { publisherPort, publisherUrls } from '../publisherUrls.ts';
import { Teardown } from '../Teardown.ts';
import { teardownOnSignals } from '../teardownOnSignals.ts';
import { parseTerraformOutputs, type TerraformOutputs } from '../terraformOutputs.ts';
import { BackendName, type StackInfo, type StartOptions } from '../types.ts';
import { chooseTerraformRunner } from '../../terraform/chooseTerraformRunner.ts';
import { applyContainerRequest } from './containerRequest.ts';
import { ContainerTerraformRunner } from './ContainerTerraformRunner.ts';
import { HostTerraformRunner } from '../../terraform/HostTerraformRunner.ts';
import { ensureLambdaBundles } from './lambdaBundles.ts';
import { localStackContainerRequest, localStackPort } from './localStackContainerRequest.ts';
import type { LocalStackSettings } from './localStackSettings.ts';
import { publisherContainerRequest, publisherImageBuild } from './publisherContainerRequest.ts';
import { StartedLocalStackStack } from './StartedLocalStackStack.ts';
import { terraformCommandLines } from '../../terraform/terraformCommands.ts';
import { terraformContainerRequest } from './terraformContainerRequest.ts';
import type { TerraformRunner } from '../../terraform/TerraformRunner.ts';
import { materializeTerraformWorkspace, planTerraformWorkspace } from '../../terraform/terraformWorkspace.ts';

export interface LocalStackStackBuilderOptions extends LocalStackSettings {
  /** The Docker socket as the engine sees it, from the reachability check. */
  dockerSocket: string;
}

/**
 * Brings the stack up: network, LocalStack, `terraform init/apply/output` against it, then the publisher
 * built from its Dockerfile. Whatever started is torn down when a step fails or SIGINT/SIGTERM arrives;
 * testcontainers' Ryuk removes the rest if the process dies outright.
 */
export class LocalStackStackBuilder {
  readonly #options: LocalStackStackBuilderOptions;

  constructor(options: LocalStackStackBuilderOptions) {
    this.#options = options;
  }

  async start(startOptions: StartOptions = {}): Promise<StartedLocalStackStack> {
    const options = this.#options;
    const progress = startOptions.onProgress ?? (() => {});
    const overlays = startOptions.overlays ?? [];
    const topology = await loadTopology({ overlays });
    progress(options.buildLambdas ? 'localstack: building the Lambda bundles' : 'localstack: checking the Lambda bundles');
    await ensureLambdaBundles({
      repoRoot: options.repoRoot,
      zips: Object.keys(topology.consumers).map((consumer) => consumerResourceNames(topology, consumer).zip),
      build: options.buildLambdas,
    });
    const runnerChoice = chooseTerraformRunner({ preference: options.terraform, image: options.terraformImage });

    const teardown = new Teardown();
    const unregisterSignals = teardownOnSignals(() => teardown.run());
    teardown.add('signal handlers', async () => unregisterSignals());
    try {
      const workspaceDir = await mkdtemp(path.join(tmpdir(), 'fanout-localstack-'));
      teardown.add('Terraform workspace', () => rm(workspaceDir, { recursive: true, force: true }));
      const workspace = planTerraformWorkspace({ repoRoot: options.repoRoot, overlays });
      await materializeTerraformWorkspace(workspace, workspaceDir);

      const network = await new Network().start();
      teardown.add('network', () => network.stop());

      // The image builds while LocalStack starts and Terraform applies; it is awaited after the outputs.
      const build = publisherImageBuild(options.repoRoot);
      progress(`localstack: building the publisher image from ${build.dockerfile}`);
      const publisherImage = GenericContainer.fromDockerfile(build.context, build.dockerfile).build();
      publisherImage.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled

      progress(`localstack: starting ${options.image} on network ${network.getName()}`);
      const localstack = await applyContainerRequest(
        new LocalstackContainer(options.image),
        localStackContainerRequest({ image: options.image, authToken: options.authToken, networkName: network.getName(), dockerSocket: options.dockerSocket }),
        { alreadyExposed: [localStackPort] },
      ).start();
      teardown.add('LocalStack container', () => localstack.stop());
      const localstackUrl = localstack.getConnectionUri();

      const runner = await this.#terraformRunner({ choice: runnerChoice, network, workspaceDir, localstackUrl, teardown, progress });
      const outputs = await this.#applyTerraform(runner, workspace.varFiles, progress);

      const apiKey = options.apiKey ?? randomUUID();
      progress('localstack: starting the publisher');
      const publisher = await applyContainerRequest(
        await publisherImage,
        publisherContainerRequest({ networkName: network.getName(), topicArn: outputs.topicArn, region: outputs.region, apiKey }),
      ).start();
      teardown.add('publisher container', () => publisher.stop());

      const { apiUrl, docsUrl } = publisherUrls(`http://${publisher.getHost()}:${publisher.getMappedPort(publisherPort)}`);
      const info: StackInfo = {
        backend: BackendName.localstack,
        apiUrl,
        docsUrl,
        apiKey,
        region: outputs.region,
        endpoints: { sns: localstackUrl, sqs: localstackUrl, lambda: localstackUrl, logs: localstackUrl },
        credentials: { ...EMULATOR_CREDENTIALS },
        topicArn: outputs.topicArn,
        outcomesQueueUrl: outputs.outcomesQueueUrl,
      };
      progress(`localstack: ready, publisher at ${apiUrl}, LocalStack at ${localstackUrl}`);
      return new StartedLocalStackStack({ info, teardown });
    } catch (error) {
      await teardown.run().catch((teardownError: unknown) => progress(`localstack: teardown after a failed start: ${(teardownError as Error).message}`));
      throw error;
    }
  }

  async #terraformRunner(context: {
    choice: ReturnType<typeof chooseTerraformRunner>;
    network: StartedNetwork;
    workspaceDir: string;
    localstackUrl: string;
    teardown: Teardown;
    progress: (message: string) => void;
  }): Promise<TerraformRunner> {
    const { choice, progress } = context;
    if (choice.kind === 'host') {
      progress(`localstack: terraform runs on this machine (${choice.binary})`);
      return new HostTerraformRunner({
        binary: choice.binary,
        moduleDir: path.join(context.workspaceDir, 'terraform'),
        endpointUrl: context.localstackUrl,
        onOutput: (line) => progress(`terraform: ${line}`),
      });
    }
    progress(`localstack: terraform runs in ${choice.image}`);
    const container = await applyContainerRequest(
      new GenericContainer(choice.image),
      terraformContainerRequest({ image: choice.image, networkName: context.network.getName(), workspaceDir: context.workspaceDir }),
    ).start();
    context.teardown.add('Terraform container', () => container.stop());
    return new ContainerTerraformRunner(container);
  }

  async #applyTerraform(runner: TerraformRunner, varFiles: readonly string[], progress: (message: string) => void): Promise<TerraformOutputs> {
    const lines = terraformCommandLines({ chdir: runner.moduleDir, endpointUrl: runner.endpointUrl, varFiles });
    progress('localstack: terraform init');
    await runner.run(lines.init);
    progress(`localstack: terraform apply against ${runner.endpointUrl}`);
    await runner.run(lines.apply);
    return parseTerraformOutputs(await runner.run(lines.output), 'terraform output -json (LocalStack)');
  }
}
