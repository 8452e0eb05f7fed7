import { describe, expect, it } from '@jest/globals';
import { Teardown } from '../../harness/backends/Teardown.ts';

describe('Teardown', () => {
  it('runs steps last-in first-out, each one even after a failure, and reports the failures together', async () => {
    const ran: string[] = [];
    const teardown = new Teardown();
    teardown.add('network', async () => ran.push('network'));
    teardown.add('LocalStack', async () => {
      ran.push('LocalStack');
      throw new Error('container gone');
    });
    teardown.add('publisher', async () => ran.push('publisher'));

    await expect(teardown.run()).rejects.toThrow('teardown failed: LocalStack: container gone');
    expect(ran).toEqual(['publisher', 'LocalStack', 'network']);
  });

  it('runs once when closed twice (a signal during close)', async () => {
    let runs = 0;
    const teardown = new Teardown();
    teardown.add('network', async () => {
      runs += 1;
    });

    await Promise.all([teardown.run(), teardown.run()]);
    await teardown.run();

    expect(runs).toBe(1);
  });

  it('stops at once what starts after teardown began, and makes the start in progress fail', async () => {
    const teardown = new Teardown();
    await teardown.run();
    let stopped = false;

    expect(() => teardown.add('LocalStack', async () => {
      stopped = true;
    })).toThrow('interrupted: teardown had begun when "LocalStack" started; it is being stopped');
    expect(stopped).toBe(true);
  });
});
