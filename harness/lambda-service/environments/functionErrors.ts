import { randomBytes } from 'node:crypto';

/** The `{errorType, errorMessage}` payload of an error the service itself reports. */
export function errorPayload(errorType: string, errorMessage: string): Buffer {
  return Buffer.from(JSON.stringify({ errorType, errorMessage }));
}

/** What Lambda answers when an invocation outlives its timeout. */
export function timeoutPayload(requestId: string, timeoutSeconds: number): Buffer {
  return errorPayload('Sandbox.Timedout', `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`);
}

/** What Lambda answers when the runtime process exits during an invocation (`reason` from `exitReason`). */
export function exitPayload(requestId: string, reason: string): Buffer {
  return errorPayload('Runtime.ExitError', `RequestId: ${requestId} Error: ${reason}`);
}

/**
 * Lambda's words for an exit: `Runtime exited with error: ` and Go's wording of the status (`exit status 3`,
 * `signal: killed`); an exit with status 0 is `Runtime exited without providing a reason` (LocalStack's
 * AWS-recorded snapshots of test_lambda_handler_exit and test_lambda_runtime_exit, tests/aws/services/lambda_/
 * test_lambda.snapshot.json).
 */
export function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  if (code === 0) {
    return 'Runtime exited without providing a reason';
  }
  return `Runtime exited with error: ${exitStatus(code, signal)}`;
}

function exitStatus(code: number | null, signal: NodeJS.Signals | null): string {
  if (code !== null) {
    return `exit status ${code}`;
  }
  const names: Partial<Record<NodeJS.Signals, string>> = {
    SIGKILL: 'killed',
    SIGTERM: 'terminated',
    SIGABRT: 'aborted',
    SIGSEGV: 'segmentation fault',
    SIGINT: 'interrupt',
  };
  return `signal: ${signal ? (names[signal] ?? signal) : 'unknown'}`;
}

/** The X-Ray trace header Lambda passes to each invocation. */
export function traceId(): string {
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  // One draw for both ids: a call into the CSPRNG per invocation rather than two.
  const ids = randomBytes(20).toString('hex');
  return `Root=1-${time}-${ids.slice(0, 24)};Parent=${ids.slice(24)};Sampled=0`;
}
