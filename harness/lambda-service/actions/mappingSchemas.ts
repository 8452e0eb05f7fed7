import * as z from 'zod';
import { constraint } from '../validation.ts';

/** Members shared by Create- and UpdateEventSourceMapping, with the API model's bounds. */
export const MappingSettings = {
  Enabled: z.boolean().optional(),
  BatchSize: z.int().min(1, constraint.min(1)).max(10000, constraint.max(10000)).optional(),
  MaximumBatchingWindowInSeconds: z.int().min(0, constraint.min(0)).max(300, constraint.max(300)).optional(),
  ScalingConfig: z
    .object({
      MaximumConcurrency: z.int().min(2, constraint.min(2)).max(1000, constraint.max(1000)).optional(),
    })
    .optional(),
  /** Accepted for its check only: an SQS mapping has no destinations. */
  DestinationConfig: z.object({ OnSuccess: z.unknown().optional(), OnFailure: z.unknown().optional() }).optional(),
  FunctionResponseTypes: z
    .array(z.enum(['ReportBatchItemFailures'], constraint.enumOf(['ReportBatchItemFailures'])))
    .max(1, constraint.maxLength(1))
    .optional(),
} as const;
