import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Loopback unless told otherwise: the container sets HOST=0.0.0.0 to be reachable through its port mapping.
  HOST: z.string().min(1).default('127.0.0.1'),
  ORDER_EVENTS_TOPIC_ARN: z
    .string({ error: 'is required: the ARN of the order-events SNS topic, e.g. arn:aws:sns:eu-west-1:000000000000:order-events' })
    .regex(/^arn:[^:]+:sns:[^:]*:[^:]*:[^:]+$/, 'is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)'),
  AWS_REGION: z.string().min(1).optional(),
  PUBLISHER_API_KEYS: z
    .string()
    .optional()
    .transform((keys) => (keys ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '')),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  PUBLISH_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
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
    port: values.PORT,
    host: values.HOST,
    topicArn: values.ORDER_EVENTS_TOPIC_ARN,
    region: values.AWS_REGION,
    apiKeys: values.PUBLISHER_API_KEYS,
    logLevel: values.LOG_LEVEL,
    publishTimeoutMs: values.PUBLISH_TIMEOUT_MS,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    idempotencyWindowMs: values.IDEMPOTENCY_WINDOW_SECONDS * 1000,
    idempotencyMaxKeys: values.IDEMPOTENCY_MAX_KEYS,
  };
}
