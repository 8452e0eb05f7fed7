export interface ProbeHttpOptions {
  timeoutMs?: number;
  /** Count any HTTP answer as reachable (an AWS endpoint answers `/` with an error document). */
  acceptAnyStatus?: boolean;
  fetch?: typeof fetch;
}

/**
 * Why a GET did not answer as expected, in a few words ("ECONNREFUSED", "no answer within 3000 ms", "HTTP 503");
 * undefined when it did.
 */
export async function probeHttp(url: string, options: ProbeHttpOptions = {}): Promise<string | undefined> {
  const timeoutMs = options.timeoutMs ?? 3000;
  try {
    const response = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok || options.acceptAnyStatus ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    if (typeof cause?.code === 'string') return cause.code;
    if (typeof cause?.message === 'string') return cause.message;
    return (error as Error).message;
  }
}
