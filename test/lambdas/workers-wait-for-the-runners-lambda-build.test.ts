import { existsSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { awaitHandedOffBuild, handOffBuild, LAMBDA_BUILD_MARKER } from '../../harness/build/lambdaBuildHandoff.ts';

describe('the one Lambda build of npm run features, which its workers wait for', () => {
  it('lets a worker through once the runner\'s build is done, and not before', async () => {
    // Prepare
    const env: NodeJS.ProcessEnv = {};
    const build = Promise.withResolvers<undefined>();
    const handoff = handOffBuild(() => build.promise, env);
    let through = false;
    const waiting = awaitHandedOffBuild(env, { intervalMs: 5 }).then((handedOff) => {
      through = true;
      return handedOff;
    });

    // Act
    await new Promise((resolve) => setTimeout(resolve, 100));
    const beforeTheBuildEnded = through;
    build.resolve(undefined);
    await handoff.done;

    // Assess
    expect(beforeTheBuildEnded).toBe(false);
    expect(await waiting).toBe(true);
    await handoff.remove();
    expect(existsSync(env[LAMBDA_BUILD_MARKER] ?? '')).toBe(false);
  });

  it('gives every worker the build\'s error when it failed', async () => {
    const env: NodeJS.ProcessEnv = {};
    const handoff = handOffBuild(() => Promise.reject(new Error('esbuild: Could not resolve "./missing.ts"')), env);
    await handoff.done;

    await expect(awaitHandedOffBuild(env)).rejects.toThrow('bundling the Lambdas failed: esbuild: Could not resolve "./missing.ts"');
    await handoff.remove();
  });

  it('answers false where no runner builds (npm start, the bench, a test): the stack builds its own', async () => {
    await expect(awaitHandedOffBuild({})).resolves.toBe(false);
  });

  it('gives up with a clear error when the build never ends', async () => {
    const env: NodeJS.ProcessEnv = {};
    const handoff = handOffBuild(() => new Promise(() => {}), env);
    await expect(awaitHandedOffBuild(env, { timeoutMs: 100, intervalMs: 10 })).rejects.toThrow(/the Lambda bundles were not built within 0 s/);
    await handoff.remove();
  });
});
