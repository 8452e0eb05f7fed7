/**
 * The errors of an `AsyncDisposableStack.disposeAsync()`, in the order the steps failed. The platform
 * nests them (each later failure wraps the earlier ones in a SuppressedError); this unfolds the chain.
 */
export function disposalErrors(error: unknown): unknown[] {
  if (error instanceof SuppressedError) return [...disposalErrors(error.suppressed), error.error];
  return [error];
}
