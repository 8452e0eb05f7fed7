import { describe, expect, it } from '@jest/globals';
import { BackendSettingError } from '../../harness/backends/errors.ts';
import { chooseTerraformRunner } from '../../harness/terraform/chooseTerraformRunner.ts';

const image = 'hashicorp/terraform:1.9.8';
const env = { PATH: '/opt/bin:/usr/local/bin:/usr/bin' };
const machineWith = (...files: string[]) => (file: string) => files.includes(file);

describe('chooseTerraformRunner', () => {
  it('prefers a host terraform', () => {
    const choice = chooseTerraformRunner({ preference: 'auto', image, env, isExecutable: machineWith('/usr/bin/tofu', '/usr/local/bin/terraform') });

    expect(choice).toEqual({ kind: 'host', binary: '/usr/local/bin/terraform' });
  });

  it('falls back to a host tofu', () => {
    const choice = chooseTerraformRunner({ preference: 'auto', image, env, isExecutable: machineWith('/usr/bin/tofu') });

    expect(choice).toEqual({ kind: 'host', binary: '/usr/bin/tofu' });
  });

  it('uses the pinned Terraform container when neither is on PATH', () => {
    expect(chooseTerraformRunner({ preference: 'auto', image, env, isExecutable: machineWith() })).toEqual({ kind: 'container', image });
  });

  it('uses the container when FANOUT_TERRAFORM=container, even with a host binary', () => {
    const choice = chooseTerraformRunner({ preference: 'container', image, env, isExecutable: machineWith('/usr/bin/terraform') });

    expect(choice).toEqual({ kind: 'container', image });
  });

  it('uses a named binary or path, and names it when it is missing', () => {
    expect(chooseTerraformRunner({ preference: 'tofu', image, env, isExecutable: machineWith('/usr/bin/tofu', '/usr/bin/terraform') }))
      .toEqual({ kind: 'host', binary: '/usr/bin/tofu' });
    expect(chooseTerraformRunner({ preference: '/opt/tf/terraform', image, env, isExecutable: machineWith('/opt/tf/terraform') }))
      .toEqual({ kind: 'host', binary: '/opt/tf/terraform' });
    expect(() => chooseTerraformRunner({ preference: 'tofu', image, env, isExecutable: machineWith() })).toThrow(BackendSettingError);
    expect(() => chooseTerraformRunner({ preference: 'tofu', image, env, isExecutable: machineWith() })).toThrow('FANOUT_TERRAFORM=tofu: no such executable on PATH');
  });
});
