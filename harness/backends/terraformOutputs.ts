import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { TerraformOutputsError } from './errors.ts';

const nonEmpty = z.string().min(1);
const arn = z.string().startsWith('arn:', 'an ARN (arn:...)');
const url = z.url();

/** `terraform output -json` wraps every output as `{ sensitive, type, value }`. */
function output<T extends z.ZodType>(value: T) {
  return z.object({ value, sensitive: z.boolean().optional(), type: z.unknown().optional() });
}

const ConsumerOutputSchema = z.object({
  queue_url: url,
  queue_arn: arn,
  dlq_url: url,
  dlq_arn: arn,
  function_name: nonEmpty,
  function_arn: arn,
  event_source_mapping_uuid: nonEmpty,
  log_group_name: nonEmpty,
});

/** The outputs of `terraform/outputs.tf` that the backends read; others (publisher_environment, ...) pass unchecked. */
export const TerraformOutputJsonSchema = z.object({
  region: output(nonEmpty),
  topic_arn: output(arn),
  outcomes_queue_url: output(url),
  outcomes_queue_arn: output(arn),
  consumers: output(z.record(nonEmpty, ConsumerOutputSchema)),
});

export interface ConsumerOutputs {
  queueUrl: string;
  queueArn: string;
  dlqUrl: string;
  dlqArn: string;
  functionName: string;
  functionArn: string;
  eventSourceMappingUuid: string;
  logGroupName: string;
}

/** The deployed stack as Terraform reports it. */
export interface TerraformOutputs {
  region: string;
  topicArn: string;
  outcomesQueueUrl: string;
  outcomesQueueArn: string;
  consumers: Record<string, ConsumerOutputs>;
}

const outputCommand = 'terraform -chdir=terraform output -json';

/** Parses the text of `terraform output -json`; `source` names where it came from in error messages. */
export function parseTerraformOutputs(text: string, source: string): TerraformOutputs {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TerraformOutputsError(`${source} is not valid JSON (${(error as Error).message}); expected the output of "${outputCommand}"`, { cause: error });
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && Object.keys(json).length === 0) {
    throw new TerraformOutputsError(`${source} holds no Terraform outputs: has "terraform apply" run for this state?`);
  }
  const parsed = TerraformOutputJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new TerraformOutputsError(`${source} lacks Terraform outputs the specs need: ${issues}`);
  }
  const outputs = parsed.data;
  return {
    region: outputs.region.value,
    topicArn: outputs.topic_arn.value,
    outcomesQueueUrl: outputs.outcomes_queue_url.value,
    outcomesQueueArn: outputs.outcomes_queue_arn.value,
    consumers: Object.fromEntries(
      Object.entries(outputs.consumers.value).map(([name, c]) => [name, {
        queueUrl: c.queue_url,
        queueArn: c.queue_arn,
        dlqUrl: c.dlq_url,
        dlqArn: c.dlq_arn,
        functionName: c.function_name,
        functionArn: c.function_arn,
        eventSourceMappingUuid: c.event_source_mapping_uuid,
        logGroupName: c.log_group_name,
      }]),
    ),
  };
}

/** Reads and parses a saved `terraform output -json`. */
export async function readTerraformOutputs(file: string): Promise<TerraformOutputs> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new TerraformOutputsError(`${file} does not exist: write it with "${outputCommand} > ${file}"`, { cause: error });
    }
    throw error;
  }
  return parseTerraformOutputs(text, file);
}
