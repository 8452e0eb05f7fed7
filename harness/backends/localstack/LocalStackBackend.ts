import { BackendName, type Backend, type StartOptions } from '../types.ts';
import { assertDockerAvailable, type DockerProbeOptions } from './assertDockerAvailable.ts';
import { checkLocalStackAuth } from './localStackImagePolicy.ts';
import { localStackSettingsFromEnv, type LocalStackSettings } from './localStackSettings.ts';
import { LocalStackStackBuilder } from './LocalStackStackBuilder.ts';
import type { StartedLocalStackStack } from './StartedLocalStackStack.ts';

export interface LocalStackBackendOptions extends Partial<LocalStackSettings> {
  /** testcontainers' runtime lookup; replaced in tests. */
  getDockerClient?: DockerProbeOptions['getClient'];
  env?: NodeJS.ProcessEnv;
}

/**
 * The fidelity backend: LocalStack, the publisher image and a Terraform apply, all in containers started
 * through testcontainers. Without a reachable Docker engine, `start()` rejects at once with a
 * DockerUnavailableError whose message is one line; it never falls back to another backend.
 */
export class LocalStackBackend implements Backend {
  readonly name = BackendName.localstack;
  readonly #settings: LocalStackSettings;
  readonly #env: NodeJS.ProcessEnv;
  readonly #getDockerClient: DockerProbeOptions['getClient'];

  constructor(options: LocalStackBackendOptions = {}) {
    const { getDockerClient, env, ...settings } = options;
    this.#env = env ?? process.env;
    this.#settings = { ...localStackSettingsFromEnv(this.#env), ...settings };
    this.#getDockerClient = getDockerClient;
  }

  get settings(): Readonly<LocalStackSettings> {
    return this.#settings;
  }

  async start(options: StartOptions = {}): Promise<StartedLocalStackStack> {
    const { socketPath } = await assertDockerAvailable({
      timeoutMs: this.#settings.dockerTimeoutMs,
      env: this.#env,
      ...(this.#getDockerClient ? { getClient: this.#getDockerClient } : {}),
    });
    const warning = checkLocalStackAuth({ image: this.#settings.image, authToken: this.#settings.authToken });
    if (warning) (options.onProgress ?? console.warn)(warning);
    return new LocalStackStackBuilder({ ...this.#settings, dockerSocket: socketPath }).start(options);
  }
}
