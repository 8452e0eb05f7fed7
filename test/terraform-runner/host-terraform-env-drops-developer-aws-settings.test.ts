import { describe, expect, it } from '@jest/globals';
import { hostTerraformEnv } from '../../harness/terraform/HostTerraformRunner.ts';

describe('hostTerraformEnv', () => {
  it('keeps the machine\'s environment but replaces every AWS_ and TF_VAR_ setting with LocalStack\'s', () => {
    const env = hostTerraformEnv({
      PATH: '/usr/bin',
      HOME: '/home/dev',
      AWS_PROFILE: 'production',
      AWS_ACCESS_KEY_ID: 'AKIAREAL',
      AWS_SECRET_ACCESS_KEY: 'real-secret',
      AWS_SESSION_TOKEN: 'real-session',
      TF_VAR_aws_endpoint_url: 'https://example.com',
    }, 'http://localhost:49153');

    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/dev',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL: 'http://localhost:49153',
    });
  });
});
