import { DeployedStack } from '../DeployedStack.ts';
import type { Teardown } from '../Teardown.ts';
import type { StackInfo } from '../types.ts';

export interface StartedLocalStackStackOptions {
  info: StackInfo;
  /** Stops the publisher, Terraform and LocalStack containers, the network and the workspace, in that order. */
  teardown: Teardown;
}

/** The running LocalStack stack; `close()` (or `await using`) removes every container it started. */
export class StartedLocalStackStack extends DeployedStack {
  constructor(options: StartedLocalStackStackOptions) {
    // Started by this run for itself, and removed when it closes: not shared.
    super({ info: options.info, shared: false, teardown: options.teardown });
  }
}
