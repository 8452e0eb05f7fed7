import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { createAwsClients } from '../../aws/awsClients.ts';
import { DeployedStack } from '../DeployedStack.ts';
import { BackendSettingError, StackUnreachableError } from '../errors.ts';
import { probeHttp } from '../probeHttp.ts';
import { publisherUrls } from '../publisherUrls.ts';
import { readTerraformOutputs } from '../terraformOutputs.ts';
import { BackendName, type Backend, type Stack, type StartOptions } from '../types.ts';
import { awsSettingsFromEnv, type AwsSettings } from './awsSettings.ts';

export interface AwsBackendOptions extends Partial<AwsSettings> {
  /** Replaces the HTTP reachability probe (tests). */
  probe?: typeof probeHttp;
  /** Replaces the read-only topic check (tests); the default calls SNS GetTopicAttributes. */
  checkTopic?: (topicArn: string, region: string) => Promise<void>;
  /** Read for the settings not given; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the specs against a stack Terraform already deployed to AWS (the post-deploy gate).
 * Reads only: it never creates or destroys an AWS resource, and closing disposes the SDK clients.
 */
export class AwsBackend implements Backend {
  readonly name = BackendName.aws;
  readonly #settings: AwsSettings;
  readonly #probe: typeof probeHttp;
  readonly #checkTopic: (topicArn: string, region: string) => Promise<void>;

  constructor(options: AwsBackendOptions = {}) {
    const { probe, checkTopic, env, ...settings } = options;
    this.#settings = { ...awsSettingsFromEnv(env), ...settings };
    this.#probe = probe ?? probeHttp;
    this.#checkTopic = checkTopic ?? readTopicAttributes;
  }

  get settings(): Readonly<AwsSettings> {
    return this.#settings;
  }

  async start(options: StartOptions = {}): Promise<Stack> {
    const { apiUrl: configuredUrl, apiKey, outputsFile, probeTimeoutMs } = this.#settings;
    const progress = options.onProgress ?? (() => {});
    if (configuredUrl === undefined) {
      throw new BackendSettingError('aws backend needs FANOUT_API_URL: the base URL of the deployed publisher (for example https://orders.example.com).');
    }
    if (options.overlays?.length) progress('aws: tfvars overlays are ignored; the deployed stack is used as Terraform applied it');

    const outputs = await readTerraformOutputs(outputsFile);
    const { apiUrl, docsUrl, healthUrl } = publisherUrls(configuredUrl);
    const [publisherProblem] = await Promise.all([
      this.#probe(healthUrl, { timeoutMs: probeTimeoutMs }),
      this.#checkTopic(outputs.topicArn, outputs.region),
    ]);
    if (publisherProblem !== undefined) {
      throw new StackUnreachableError(`aws backend: the publisher at ${apiUrl} (FANOUT_API_URL) does not answer GET /health: ${publisherProblem}`);
    }
    progress(`aws: ${Object.keys(outputs.consumers).length} consumers in ${outputs.region}, publisher ${apiUrl}`);
    // A deployed stack, possibly serving real orders: shared.
    return new DeployedStack({
      shared: true,
      info: {
        backend: BackendName.aws,
        apiUrl,
        docsUrl,
        ...(apiKey === undefined ? {} : { apiKey }),
        region: outputs.region,
        endpoints: {},
        topicArn: outputs.topicArn,
        outcomesQueueUrl: outputs.outcomesQueueUrl,
      },
    });
  }
}

/** Fails early, and readably, when the credentials or region cannot see the deployed topic. */
async function readTopicAttributes(topicArn: string, region: string): Promise<void> {
  using clients = createAwsClients({ region, endpoints: {} });
  try {
    await clients.sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
  } catch (error) {
    const { name, message } = error as Error;
    throw new StackUnreachableError(`aws backend cannot read topic ${topicArn} in ${region} with the SDK default credentials: ${name}: ${message}`, { cause: error });
  }
}
