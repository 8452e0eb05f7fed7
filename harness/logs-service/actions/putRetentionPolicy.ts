import * as z from 'zod';
import type { LogStore } from '../LogStore.ts';
import { constraint, parseInput } from '../validation.ts';
import { LogGroupNameSchema } from './commonSchemas.ts';

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy API reference). */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const ACCEPTED = new Set<number>(RETENTION_DAYS);

const PutRetentionPolicyInput = z.object({
  logGroupName: LogGroupNameSchema,
  retentionInDays: z.int().refine((days) => ACCEPTED.has(days), constraint.enumOf(RETENTION_DAYS)),
});

/** PutRetentionPolicy: one of the accepted periods, else InvalidParameterException. */
export function putRetentionPolicy(input: unknown, store: LogStore): Record<string, never> {
  const request = parseInput(PutRetentionPolicyInput, input);
  store.requireGroup(request.logGroupName).retentionInDays = request.retentionInDays;
  return {};
}
