import { z } from 'zod';
import { RESERVED_VARIABLES } from '../environments/environmentVariables.ts';
import { InvalidParameterValueException } from '../errors.ts';
import { constraint } from '../validation.ts';

/** FunctionName as a path parameter: a name, partial ARN or ARN (resolved by `resolveFunctionName`). */
export const FunctionNameParam = z.string().min(1, constraint.minLength(1)).max(170, constraint.maxLength(170));

export const TimeoutSchema = z.int().min(1, constraint.min(1)).max(900, constraint.max(900));

export const MemorySizeSchema = z.int().min(128, constraint.min(128)).max(10240, constraint.max(10240));

export const EnvironmentSchema = z.object({
  Variables: z.record(z.string(), z.string()).optional(),
});

/** Lambda refuses variables it reserves for itself. */
export function checkVariables(variables: Record<string, string> | undefined): Record<string, string> {
  const reserved = Object.keys(variables ?? {}).filter((key) => RESERVED_VARIABLES.includes(key));
  if (reserved.length > 0) {
    throw new InvalidParameterValueException(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  return { ...variables };
}

/** Only Node runtimes can run here. */
export function checkRuntime(runtime: string): string {
  if (!/^nodejs\d+\.x$/.test(runtime)) {
    throw new InvalidParameterValueException(
      `The runtime parameter of ${runtime} is not supported by the embedded Lambda service, which runs nodejs runtimes only.`,
    );
  }
  return runtime;
}

/** Code.ZipFile / ZipFile arrive base64-encoded in JSON. */
export const ZipFileSchema = z.string().transform((value, ctx) => {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.byteLength === 0) {
    ctx.addIssue({ code: 'custom', message: 'Member must not be empty' });
    return z.NEVER;
  }
  return bytes;
});
