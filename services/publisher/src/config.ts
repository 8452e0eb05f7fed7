import * as z from 'zod';
import { PUBLISHER_DEFAULT_PORT, PublisherEnv } from '../../../contracts/publisherEnvironment.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  [PublisherEnv.port]: z.coerce.number().int().min(0).max(65535).default(PUBLISHER_DEFAULT_PORT),
  // Loopback unless told otherwise: the container sets HOST=0.0.0.0 to be reachable through its port mapping.
  [PublisherEnv.host]: z.string().min(1).default('127.0.0.1'),
  [PublisherEnv.topicArn]: z
    .string({ error: 'is required: the ARN of the order-events SNS topic, e.g. arn:aws:sns:eu-west-1:000000000000:order-events' })
    .regex(/^arn:[^:]+:sns:[^:]*:[^:]*:[^:]+$/, 'is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)'),
  [PublisherEnv.region]: z.string().min(1).optional(),
  [PublisherEnv.apiKeys]: z
    .string()
    .optional()
    .transform((keys) => (keys ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '')),
  [PublisherEnv.logLevel]: z.enum(LOG_LEVELS).default('info'),
  PUBLISH_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  [PublisherEnv.shutdownTimeoutMs]: z.coerce.number().int().positive().default(10_000),
  IDEMPOTENCY_WINDOW_SECONDS: z.coerce.number().int().positive().default(86_400),
  IDEMPOTENCY_MAX_KEYS: z.coerce.number().int().positive().default(100_000),
});

export interface PublisherConfig {
  port: number;
  host: string;
  topicArn: string;
  /** Absent: the SDK's own region resolution applies. */
  region: string | undefined;
  apiKeys: string[];
  logLevel: (typeof LOG_LEVELS)[number];
  publishTimeoutMs: number;
  shutdownTimeoutMs: number;
  idempotencyWindowMs: number;
  idempotencyMaxKeys: number;
}

export class ConfigError extends Error {
  constructor(problems: readonly string[]) {
    super(`Invalid publisher configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the publisher's settings from the environment; throws `ConfigError` naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PublisherConfig {
  // An empty variable means "not set", so PORT= does not become port 0.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const values = parsed.data;
  return {
    port: values[PublisherEnv.port],
    host: values[PublisherEnv.host],
    topicArn: values[PublisherEnv.topicArn],
    region: values[PublisherEnv.region],
    apiKeys: values[PublisherEnv.apiKeys],
    logLevel: values[PublisherEnv.logLevel],
    publishTimeoutMs: values.PUBLISH_TIMEOUT_MS,
    shutdownTimeoutMs: values[PublisherEnv.shutdownTimeoutMs],
    idempotencyWindowMs: values.IDEMPOTENCY_WINDOW_SECONDS * 1000,
    idempotencyMaxKeys: values.IDEMPOTENCY_MAX_KEYS,
  };
}
