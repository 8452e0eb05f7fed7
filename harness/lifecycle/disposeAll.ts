import { disposalErrors } from './disposalErrors.ts';

/**
 * Disposes the stack (reverse order of `use`/`defer`, every step even after a failure). One failure is
 * rethrown as it is; several become one AggregateError whose message names each, in the order they failed,
 * so no message hides behind the platform's generic SuppressedError.
 */
export async function disposeAll(stack: AsyncDisposableStack): Promise<void> {
  try {
    await stack.disposeAsync();
  } catch (error) {
    const errors = disposalErrors(error);
    if (errors.length === 1) throw errors[0];
    throw new AggregateError(errors, `closing failed: ${errors.map(messageOf).join('; ')}`, { cause: error });
  }
}

/** A close function for the stack that disposes it once; a second call (a signal during close) waits for the first. */
export function closeOnce(stack: AsyncDisposableStack): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= disposeAll(stack));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
