import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { awsSettingsFromEnv } from '../../../harness/backends/aws/awsSettings.ts';
import { BackendSettingError } from '../../../harness/backends/errors.ts';
import { repoRoot } from '../../../harness/topology/loadTopology.ts';

describe('awsSettingsFromEnv', () => {
  it('reads .fanout/terraform-outputs.json by default and has no publisher URL unless told', () => {
    expect(awsSettingsFromEnv({})).toEqual({ outputsFile: path.join(repoRoot, '.fanout', 'terraform-outputs.json'), probeTimeoutMs: 10_000 });
  });

  it('takes FANOUT_TF_OUTPUTS (relative to the working directory), FANOUT_API_URL and FANOUT_API_KEY', () => {
    const settings = awsSettingsFromEnv({ FANOUT_TF_OUTPUTS: 'prod.json', FANOUT_API_URL: 'https://orders.example.com/', FANOUT_API_KEY: 'k' }, '/drone/src');

    expect(settings).toEqual({ outputsFile: '/drone/src/prod.json', apiUrl: 'https://orders.example.com', apiKey: 'k', probeTimeoutMs: 10_000 });
  });

  it('rejects a FANOUT_API_URL that is not a URL', () => {
    expect(() => awsSettingsFromEnv({ FANOUT_API_URL: 'orders.example.com' })).toThrow(BackendSettingError);
  });
});
