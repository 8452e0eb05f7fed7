import { describe, expect, it } from '@jest/globals';
import { callersOf, componentsOf, summarizeProfile } from '../../harness/bench/summarizeCpuProfile.ts';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
// (root) -> reply (fauxqs) -> writeUtf8String (native); (root) -> send (SDK); (root) -> (idle)
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4, 5] },
    { id: 2, callFrame: frame('reply', 'file:///work/main/node_modules/fastify/lib/reply.js', 717), children: [3] },
    { id: 3, callFrame: frame('writeUtf8String') },
    { id: 4, callFrame: frame('send', 'file:///work/main/node_modules/@smithy/core/dist-cjs/index.js', 9) },
    { id: 5, callFrame: frame('(idle)') },
  ],
  startTime: 0,
  endTime: 10_000,
  samples: [3, 3, 3, 4, 5],
  timeDeltas: [2000, 2000, 2000, 3000, 1000],
};

describe('summarizeCpuProfile', () => {
  it('ranks functions by self time with their file and line', () => {
    const summary = summarizeProfile(profile);
    expect(summary.totalMs).toBe(10);
    expect(summary.functions[0]).toEqual({ name: 'writeUtf8String', where: '(native)', ms: 6, share: 0.6 });
    expect(summary.functions[1]).toMatchObject({ name: 'send', where: 'nm:@smithy/core/dist-cjs/index.js:10', ms: 3 });
  });

  it('charges a native frame to the component that called it', () => {
    expect(componentsOf(profile).map((entry) => [entry.name, entry.ms])).toEqual([
      ['fauxqs (SNS/SQS emulator)', 6],
      ['AWS SDK clients (publisher, pollers, bench)', 3],
      ['(idle)', 1],
    ]);
  });

  it('lists the callers of a function', () => {
    expect(callersOf(profile, 'writeUtf8String')[0]).toMatchObject({ name: 'reply nm:fastify/lib/reply.js:718', ms: 6 });
  });
});
