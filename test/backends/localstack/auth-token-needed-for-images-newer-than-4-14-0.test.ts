import { describe, expect, it } from '@jest/globals';
import { LocalStackAuthTokenError } from '../../../harness/backends/localstack/errors.ts';
import { authTokenNeed, checkLocalStackAuth } from '../../../harness/backends/localstack/localStackImagePolicy.ts';

describe('which LocalStack images need LOCALSTACK_AUTH_TOKEN', () => {
  it.each([
    ['localstack/localstack:4.14.0', 'not-needed'],
    ['localstack/localstack:4.13.1', 'not-needed'],
    ['localstack/localstack:3.8', 'not-needed'],
    ['mirror.example.com:5000/localstack/localstack:4.14.0', 'not-needed'],
    ['localstack/localstack:4.14.1', 'needed'],
    ['localstack/localstack:4.15.0', 'needed'],
    ['localstack/localstack:4', 'needed'],
    ['localstack/localstack:2026.03.0', 'needed'],
    ['localstack/localstack:latest', 'needed'],
    ['localstack/localstack', 'needed'],
    ['localstack/localstack-pro:4.0.0', 'needed'],
    ['localstack/localstack@sha256:0123abcd', 'unknown'],
    ['localstack/localstack:nightly', 'unknown'],
  ] as const)('%s: %s', (image, need) => {
    expect(authTokenNeed(image)).toBe(need);
  });

  it('stops with one line naming the variable when the image needs a token and none is set', () => {
    expect(() => checkLocalStackAuth({ image: 'localstack/localstack:4.15.0' })).toThrow(LocalStackAuthTokenError);
    expect(() => checkLocalStackAuth({ image: 'localstack/localstack:4.15.0' })).toThrow(
      'LocalStack image localstack/localstack:4.15.0 needs LOCALSTACK_AUTH_TOKEN (images newer than 4.14.0 do not start without one): set LOCALSTACK_AUTH_TOKEN, or unset LOCALSTACK_IMAGE to use localstack/localstack:4.14.0.',
    );
  });

  it('accepts any image with a token, warns when it cannot tell, and is silent for the pin', () => {
    expect(checkLocalStackAuth({ image: 'localstack/localstack:latest', authToken: 'ls-x' })).toBeUndefined();
    expect(checkLocalStackAuth({ image: 'localstack/localstack:nightly' })).toMatch(/^warning: cannot tell whether .* needs LOCALSTACK_AUTH_TOKEN/);
    expect(checkLocalStackAuth({ image: 'localstack/localstack:4.14.0' })).toBeUndefined();
  });
});
