import { describe, expect, it } from '@jest/globals';
import { terraformCommandLines } from '../../harness/terraform/terraformCommands.ts';

describe('terraformCommandLines', () => {
  const lines = terraformCommandLines({
    chdir: '/workspace/terraform',
    endpointUrl: 'http://localstack:4566',
    varFiles: ['profiles/fast-timers.tfvars.json', 'fanout-overlay-2.tfvars.json'],
  });

  it('initialises the copied module without prompts', () => {
    expect(lines.init).toEqual(['-chdir=/workspace/terraform', 'init', '-input=false', '-no-color']);
  });

  it('applies against the endpoint with every overlay, in order, after the auto-loaded tfvars', () => {
    expect(lines.apply).toEqual([
      '-chdir=/workspace/terraform',
      'apply',
      '-auto-approve',
      '-input=false',
      '-no-color',
      '-var=aws_endpoint_url=http://localstack:4566',
      '-var-file=profiles/fast-timers.tfvars.json',
      '-var-file=fanout-overlay-2.tfvars.json',
    ]);
  });

  it('reads the outputs back as JSON', () => {
    expect(lines.output).toEqual(['-chdir=/workspace/terraform', 'output', '-json', '-no-color']);
  });

  it('passes no -var-file without overlays', () => {
    const plain = terraformCommandLines({ chdir: '/w/terraform', endpointUrl: 'http://localhost:49153', varFiles: [] });

    expect(plain.apply.filter((arg) => arg.startsWith('-var-file'))).toEqual([]);
    expect(plain.apply).toContain('-var=aws_endpoint_url=http://localhost:49153');
  });
});
