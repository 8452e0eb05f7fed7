import type { z } from 'zod';
import type { FieldError } from './problem.ts';

/** One entry per invalid field, with dotted paths (`items.0.quantity`); unknown keys are named one by one. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: dotted([...issue.path, key]), message: 'Unknown field' }));
    }
    return [{ field: dotted(issue.path), message: issue.message }];
  });
}

function dotted(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'body' : path.map(String).join('.');
}
