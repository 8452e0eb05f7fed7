import { describe, expect, it } from '@jest/globals';
import { pinnedImages } from '../../../harness/backends/images.ts';
import { terraformContainerRequest } from '../../../harness/backends/localstack/terraformContainerRequest.ts';

describe('the Terraform container', () => {
  const request = terraformContainerRequest({ image: pinnedImages.terraform, networkName: 'tc-net-1234', workspaceDir: '/tmp/fanout-localstack-x' });

  it('runs the pinned hashicorp/terraform image on the stack network', () => {
    expect(request.image).toMatch(/^hashicorp\/terraform:\d+\.\d+\.\d+$/);
    expect(request.image).toBe(pinnedImages.terraform);
    expect(request.networkName).toBe('tc-net-1234');
  });

  it('gets the workspace copied in, not bind-mounted, so a remote engine (Drone) works too', () => {
    expect(request.copyDirectories).toEqual([{ source: '/tmp/fanout-localstack-x', target: '/workspace' }]);
    expect(request.bindMounts).toEqual([]);
  });

  it('idles so that init, apply and output run in it one after another', () => {
    expect(request.entrypoint).toEqual(['tail', '-f', '/dev/null']);
    expect(request.wait).toEqual({ kind: 'listening-ports' });
  });

  it('has only dummy credentials and LocalStack as the AWS endpoint', () => {
    expect(request.environment).toEqual({
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL: 'http://localstack:4566',
    });
  });
});
