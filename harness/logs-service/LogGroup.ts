import type { LogStream } from './LogStream.ts';

/** The log group classes of the API; this service treats them all as STANDARD does. */
export const LOG_GROUP_CLASSES = ['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'] as const;
export type LogGroupClass = (typeof LOG_GROUP_CLASSES)[number];

/** One log group: its settings, tags and streams. */
export class LogGroup {
  readonly name: string;
  /** Without the `:*` suffix (DescribeLogGroups' `logGroupArn`). */
  readonly arn: string;
  readonly creationTime: number;
  readonly logGroupClass: LogGroupClass;
  readonly kmsKeyId: string | undefined;
  readonly tags = new Map<string, string>();
  readonly streams = new Map<string, LogStream>();
  retentionInDays: number | undefined;
  deletionProtectionEnabled: boolean;

  constructor(options: {
    name: string;
    arn: string;
    creationTime: number;
    logGroupClass?: LogGroupClass;
    kmsKeyId?: string;
    deletionProtectionEnabled?: boolean;
  }) {
    this.name = options.name;
    this.arn = options.arn;
    this.creationTime = options.creationTime;
    this.logGroupClass = options.logGroupClass ?? 'STANDARD';
    this.kmsKeyId = options.kmsKeyId;
    this.deletionProtectionEnabled = options.deletionProtectionEnabled ?? false;
  }

  /** Bytes held by all streams (AWS reports compressed bytes with a delay; this is what is kept). */
  get storedBytes(): number {
    let total = 0;
    for (const stream of this.streams.values()) {
      total += stream.bytes;
    }
    return total;
  }
}
