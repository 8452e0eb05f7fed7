import { describe, expect, it } from '@jest/globals';
import { pinnedImages } from '../../../harness/backends/images.ts';
import { localStackSettingsFromEnv } from '../../../harness/backends/localstack/localStackSettings.ts';

describe('localStackSettingsFromEnv', () => {
  it('uses the pinned LocalStack 4.14.0 image, no token, and chooses Terraform automatically by default', () => {
    const settings = localStackSettingsFromEnv({});

    expect(pinnedImages.localstack).toBe('localstack/localstack:4.14.0');
    expect(settings).toMatchObject({ image: pinnedImages.localstack, terraformImage: pinnedImages.terraform, terraform: 'auto', buildLambdas: true });
    expect(settings).not.toHaveProperty('authToken');
    expect(settings).not.toHaveProperty('apiKey');
  });

  it('takes LOCALSTACK_IMAGE, LOCALSTACK_AUTH_TOKEN, FANOUT_TERRAFORM, FANOUT_API_KEY and FANOUT_SKIP_LAMBDA_BUILD', () => {
    const settings = localStackSettingsFromEnv({
      LOCALSTACK_IMAGE: 'localstack/localstack:4.15.0',
      LOCALSTACK_AUTH_TOKEN: 'ls-token',
      FANOUT_TERRAFORM: 'container',
      FANOUT_API_KEY: 'key-1',
      FANOUT_SKIP_LAMBDA_BUILD: '1',
    });

    expect(settings).toMatchObject({ image: 'localstack/localstack:4.15.0', authToken: 'ls-token', terraform: 'container', apiKey: 'key-1', buildLambdas: false });
  });

  it('treats blank variables (an undefined Drone secret) as unset', () => {
    const settings = localStackSettingsFromEnv({ LOCALSTACK_IMAGE: '', LOCALSTACK_AUTH_TOKEN: ' ' });

    expect(settings.image).toBe(pinnedImages.localstack);
    expect(settings).not.toHaveProperty('authToken');
  });
});
