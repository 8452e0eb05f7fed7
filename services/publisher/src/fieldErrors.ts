import type * as z from 'zod';
import type { FieldError } from './problem.ts';

/**
 * One entry per invalid field, with dotted paths (`items.0.quantity`), in the order the fields were found;
 * a field that broke several rules gets one entry with their messages joined. Unknown keys are named one by one.
 */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const messages = new Map<string, string[]>();
  const add = (field: string, message: string): void => {
    const known = messages.get(field);
    if (!known) messages.set(field, [message]);
    else if (!known.includes(message)) known.push(message);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add(dotted([...issue.path, key]), 'Unknown field');
    else add(dotted(issue.path), issue.message);
  }
  return [...messages].map(([field, found]) => ({ field, message: found.join('; ') }));
}

function dotted(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'body' : path.map(String).join('.');
}
