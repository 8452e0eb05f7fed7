import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { loadTerraformModule, nestedBlock, nestedBlocks, terraformRoot } from './support/terraformModule.ts';

const services = ['iam', 'lambda', 'logs', 'sns', 'sqs', 'sts'];

describe('provider "aws"', () => {
  it('takes its region from var.region', async () => {
    const root = await loadTerraformModule(terraformRoot);

    expect(root.providers.aws?.region).toBe('${var.region}');
  });

  it('overrides the endpoints of every service the stack uses only when aws_endpoint_url is set', async () => {
    // Prepare
    const root = await loadTerraformModule(terraformRoot);
    const provider = root.providers.aws ?? {};

    // Act
    const dynamic = z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).parse(provider.dynamic);
    const [endpoints] = dynamic.endpoints ?? [];

    // Assess
    expect(root.variables.aws_endpoint_url).toMatchObject({ type: '${string}', default: null });
    expect(root.locals.use_endpoint_override).toBe('${var.aws_endpoint_url != null}');
    expect(endpoints?.for_each).toBe('${local.use_endpoint_override ? [var.aws_endpoint_url] : []}');
    const content = nestedBlock(endpoints ?? {}, 'content');
    expect(Object.keys(content).sort()).toEqual(services);
    expect(Object.values(content)).toEqual(services.map(() => '${endpoints.value}'));
    expect(nestedBlocks(provider, 'endpoints')).toEqual([]);
  });

  it('skips credential, account and metadata checks only against an emulator', async () => {
    const root = await loadTerraformModule(terraformRoot);
    const provider = root.providers.aws ?? {};

    for (const flag of ['skip_credentials_validation', 'skip_requesting_account_id', 'skip_metadata_api_check', 's3_use_path_style']) {
      expect({ flag, value: provider[flag] }).toEqual({ flag, value: '${local.use_endpoint_override}' });
    }
  });

  it('accepts hashicorp/aws from 5.100 (the offline mirror of the local checks) up to, not including, 7, on Terraform 1.6 or later', async () => {
    const root = await loadTerraformModule(terraformRoot);
    const [settings] = root.terraform;
    const [providers] = nestedBlocks(settings ?? {}, 'required_providers');

    expect(settings?.required_version).toBe('>= 1.6.0');
    expect(providers?.aws).toEqual({ source: 'hashicorp/aws', version: '>= 5.100.0, < 7.0.0' });
  });
});
