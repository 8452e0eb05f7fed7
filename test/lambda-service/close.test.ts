import { describe, expect, it } from '@jest/globals';
import { startLambdaTestKit } from './helpers/lambdaTestKit.ts';
import { isAlive } from './helpers/waitFor.ts';

describe('closing the service', () => {
  it('leaves no function process behind, idle or busy', async () => {
    // Prepare
    const kit = await startLambdaTestKit();
    await kit.deploy('idle', 'sleeper');
    await kit.deploy('busy', 'sleeper', { Timeout: 30 });
    const idle = (await kit.invoke('idle', {})).payload as { pid: number };
    const busyBefore = (await kit.invoke('busy', {})).payload as { pid: number };
    const inFlight = kit.invoke('busy', { ms: 20_000 }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Act
    await kit.close();

    // Assess
    expect(isAlive(idle.pid)).toBe(false);
    expect(isAlive(busyBefore.pid)).toBe(false);
    await inFlight;
  });
});
