import type { Stack } from '../../harness/backends/types.ts';
import type { DeadLetterCollector } from '../../harness/observation/DeadLetterCollector.ts';
import type { OutcomeCollector } from '../../harness/observation/OutcomeCollector.ts';
import type { UntilOptions } from '../../harness/observation/Waiters.ts';

/**
 * What the checks and failure messages read of a running suite: the collected outcomes and dead letters,
 * the Lambda logs, and the shared waiters. A {@link Suite} is one; tests of the checks pass a stub.
 */
export interface ObservedPipeline {
  readonly stack: Pick<Stack, 'readLambdaLogs' | 'readLambdaLogEvents'>;
  readonly outcomes: Pick<OutcomeCollector, 'forOrder' | 'forCorrelationId' | 'health' | 'malformed'>;
  readonly deadLetters: Pick<DeadLetterCollector, 'forOrder' | 'forConsumer' | 'othersOn' | 'all'>;
  readonly pollErrors: readonly string[];
  until<T>(check: () => T | undefined, options: UntilOptions): Promise<T | undefined>;
}
