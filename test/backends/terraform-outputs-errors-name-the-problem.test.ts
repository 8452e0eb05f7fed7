import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TerraformOutputsError } from '../../harness/backends/errors.ts';
import { parseTerraformOutputs, readTerraformOutputs } from '../../harness/backends/terraformOutputs.ts';
import { terraformOutputJson } from './support/terraformOutputsFixture.ts';

describe('Terraform outputs that cannot be used', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fanout-outputs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects text that is not JSON, naming the source and the command that writes it', () => {
    expect(() => parseTerraformOutputs('Error: no state', '.fanout/terraform-outputs.json')).toThrow(TerraformOutputsError);
    expect(() => parseTerraformOutputs('Error: no state', '.fanout/terraform-outputs.json'))
      .toThrow(/^\.fanout\/terraform-outputs\.json is not valid JSON .*terraform -chdir=terraform output -json/);
  });

  it('says that nothing was applied when the outputs are empty', () => {
    expect(() => parseTerraformOutputs('{}', 'outputs.json')).toThrow('outputs.json holds no Terraform outputs: has "terraform apply" run for this state?');
  });

  it('lists every missing or malformed output', () => {
    const json = terraformOutputJson();
    delete json.topic_arn;
    json.outcomes_queue_url = { sensitive: false, type: 'string', value: 'not a url' };

    expect(() => parseTerraformOutputs(JSON.stringify(json), 'outputs.json'))
      .toThrow(/^outputs\.json lacks Terraform outputs the specs need: topic_arn: .*; outcomes_queue_url\.value: /);
  });

  it('rejects a consumer without its function name', () => {
    const json = terraformOutputJson({ consumers: ['order-processor'] });
    const consumers = (json.consumers as { value: Record<string, Record<string, unknown>> }).value;
    delete consumers['order-processor']?.function_name;

    expect(() => parseTerraformOutputs(JSON.stringify(json), 'outputs.json')).toThrow(/consumers\.value\.order-processor\.function_name/);
  });

  it('tells how to write the file when it does not exist', async () => {
    const file = path.join(dir, 'missing.json');

    await expect(readTerraformOutputs(file)).rejects.toThrow(`${file} does not exist: write it with "terraform -chdir=terraform output -json > ${file}"`);
  });
});
