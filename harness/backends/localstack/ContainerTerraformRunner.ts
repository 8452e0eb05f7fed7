import type { StartedTestContainer } from 'testcontainers';
import { localStackUrlInNetwork } from './localStackContainerRequest.ts';
import { containerWorkspace } from './terraformContainerRequest.ts';
import { terraformCommandError, type TerraformRunner } from '../../terraform/TerraformRunner.ts';

/** Runs terraform by exec in the idle Terraform container on the stack's network (see terraformContainerRequest). */
export class ContainerTerraformRunner implements TerraformRunner {
  readonly moduleDir = `${containerWorkspace}/terraform`;
  readonly endpointUrl = localStackUrlInNetwork;
  readonly #container: StartedTestContainer;

  constructor(container: StartedTestContainer) {
    this.#container = container;
  }

  async run(args: readonly string[]): Promise<string> {
    const result = await this.#container.exec(['terraform', ...args]);
    if (result.exitCode !== 0) {
      throw terraformCommandError({ where: 'terraform container', args, exitCode: result.exitCode, output: result.output });
    }
    return result.stdout;
  }
}
