import { repoRoot } from '../../topology/loadTopology.ts';
import { pinnedImages } from '../images.ts';
import { envValue } from '../settingsFromEnv.ts';

/** Everything the localstack backend reads from the environment, as one options object. */
export interface LocalStackSettings {
  /** `LOCALSTACK_IMAGE`, default the pinned `localstack/localstack:4.14.0`. */
  image: string;
  /** `LOCALSTACK_AUTH_TOKEN`, passed through to LocalStack when set; needed for images newer than 4.14.0. */
  authToken?: string;
  /** Used only when no host `terraform`/`tofu` runs the apply. */
  terraformImage: string;
  /**
   * `FANOUT_TERRAFORM`: `auto` (default: host `terraform`, else host `tofu`, else the container),
   * `container`, or a binary name or path.
   */
  terraform: string;
  /** `FANOUT_API_KEY`, the key the publisher accepts; default a random one per stack. */
  apiKey?: string;
  /** Build `dist/lambdas/*.zip` before deploying (`FANOUT_SKIP_LAMBDA_BUILD=1` turns it off). */
  buildLambdas: boolean;
  /** How long to wait for the Docker engine to answer before failing. */
  dockerTimeoutMs: number;
  repoRoot: string;
}

export function localStackSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalStackSettings {
  const authToken = envValue(env, 'LOCALSTACK_AUTH_TOKEN');
  const apiKey = envValue(env, 'FANOUT_API_KEY');
  return {
    image: envValue(env, 'LOCALSTACK_IMAGE') ?? pinnedImages.localstack,
    ...(authToken === undefined ? {} : { authToken }),
    terraformImage: pinnedImages.terraform,
    terraform: envValue(env, 'FANOUT_TERRAFORM') ?? 'auto',
    ...(apiKey === undefined ? {} : { apiKey }),
    buildLambdas: !['1', 'true'].includes(envValue(env, 'FANOUT_SKIP_LAMBDA_BUILD') ?? ''),
    dockerTimeoutMs: 5000,
    repoRoot,
  };
}
