import { describe, expect, it } from '@jest/globals';
import { mirrorCliConfig, providerVars } from '../../harness/terraform/providerInstallation.ts';

describe('providerVars', () => {
  // hashicorp/aws CHANGELOG: nodejs24.x joined the runtime list of aws_lambda_function in 6.19.0.
  it('leaves the module default (nodejs24.x) to providers from 6.19.0 on', () => {
    expect(providerVars('6.19.0')).toEqual({});
    expect(providerVars('6.30.1')).toEqual({});
    expect(providerVars('7.0.0')).toEqual({});
  });

  it('plans older providers, the offline 5.100.0 among them, with nodejs22.x', () => {
    expect(providerVars('5.100.0')).toEqual({ lambda_runtime: 'nodejs22.x' });
    expect(providerVars('6.18.9')).toEqual({ lambda_runtime: 'nodejs22.x' });
  });
});

describe('mirrorCliConfig', () => {
  it('installs providers from the mirror folder only', () => {
    expect(mirrorCliConfig('/opt/tf-plugins')).toContain('filesystem_mirror {\n    path    = "/opt/tf-plugins"');
    expect(mirrorCliConfig('/opt/tf-plugins')).not.toContain('direct');
  });
});
