import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { composeSettingsFromEnv } from '../../../harness/backends/compose/composeSettings.ts';
import { BackendSettingError } from '../../../harness/backends/errors.ts';
import { repoRoot } from '../../../harness/topology/loadTopology.ts';

describe('composeSettingsFromEnv', () => {
  it('defaults to the ports compose/docker-compose.yml publishes, dummy credentials and the outputs its terraform service writes', () => {
    expect(composeSettingsFromEnv({})).toEqual({
      apiUrl: 'http://localhost:3000',
      awsEndpoint: 'http://localhost:4566',
      region: 'us-east-1',
      outputsFile: path.join(repoRoot, '.fanout', 'outputs.json'),
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      probeTimeoutMs: 3000,
    });
  });

  it('takes FANOUT_API_URL, FANOUT_AWS_ENDPOINT, FANOUT_AWS_REGION, FANOUT_API_KEY and FANOUT_TF_OUTPUTS (relative to the working directory)', () => {
    const settings = composeSettingsFromEnv({
      FANOUT_API_URL: 'http://127.0.0.1:8080/',
      FANOUT_AWS_ENDPOINT: 'http://docker.internal:4566',
      FANOUT_AWS_REGION: 'eu-west-1',
      FANOUT_API_KEY: 'dev-key',
      FANOUT_TF_OUTPUTS: 'out/tf.json',
    }, '/home/dev/fanout');

    expect(settings).toMatchObject({
      apiUrl: 'http://127.0.0.1:8080',
      awsEndpoint: 'http://docker.internal:4566',
      region: 'eu-west-1',
      apiKey: 'dev-key',
      outputsFile: '/home/dev/fanout/out/tf.json',
    });
  });

  it('rejects a URL that is not http(s), naming the variable', () => {
    expect(() => composeSettingsFromEnv({ FANOUT_AWS_ENDPOINT: 'localhost:4566' })).toThrow(BackendSettingError);
    expect(() => composeSettingsFromEnv({ FANOUT_AWS_ENDPOINT: 'localhost:4566' })).toThrow('FANOUT_AWS_ENDPOINT must be an http(s) URL, got "localhost:4566"');
  });
});
