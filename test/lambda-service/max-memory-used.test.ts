import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { readPeakRssMb } from '../../harness/lambda-service/environments/PeakMemory.ts';
import { ROLE, startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { zipFiles } from './helpers/zipFunction.ts';

// Holds what it allocates (touched, so resident) and says how much memory its own process holds now.
const HANDLER = `
const held = [];
export const handler = async ({ allocateMb = 0 }) => {
  if (allocateMb > 0) held.push(Buffer.alloc(allocateMb * 1024 * 1024, 1));
  return { pid: process.pid, rssMb: process.memoryUsage().rss / 1048576 };
};
`;

interface Measured {
  pid: number;
  rssMb: number;
}

describe("REPORT's Max Memory Used", () => {
  let kit: LambdaTestKit;
  // The service's process holds far more than an environment when it spawns one: an environment that
  // reported its parent's peak (getrusage's maxrss survives fork and exec) would report at least this.
  let ballast: Buffer | undefined;

  beforeAll(async () => {
    ballast = Buffer.alloc(256 * 1024 * 1024, 1);
    kit = await startLambdaTestKit();
    await kit.lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'allocator',
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        Role: ROLE,
        MemorySize: 512,
        Code: { ZipFile: await zipFiles([{ name: 'index.mjs', content: HANDLER }]) },
      }),
    );
  });

  afterAll(async () => {
    await kit.close();
    ballast = undefined;
  });

  const reportedMb = (requestId: string | undefined): number => {
    const report = kit.service.logs('allocator').find((line) => line.message.startsWith(`REPORT RequestId: ${requestId}\t`));
    const mb = /\tMax Memory Used: (\d+) MB\t/.exec(report?.message ?? '')?.[1];
    if (mb === undefined) throw new Error(`no REPORT with Max Memory Used for ${requestId}: ${report?.message}`);
    return Number(mb);
  };

  it("is the environment process's own peak RSS, not the service's, and holds the peak across invocations", async () => {
    const small = await kit.invoke('allocator', { allocateMb: 0 });
    const smallRss = small.payload as Measured;
    const smallReported = reportedMb(small.requestId);
    // Measured independently: the process's own RSS (its handler's reading) and its VmHWM read by this test.
    const peakSeenHere = readPeakRssMb(smallRss.pid);

    expect(smallReported).toBeGreaterThanOrEqual(Math.floor(smallRss.rssMb));
    expect(smallReported).toBeLessThanOrEqual(Math.ceil(smallRss.rssMb) + 16);
    expect(smallReported).toBeLessThan((ballast?.byteLength ?? 0) / 1048576);
    if (peakSeenHere !== undefined) {
      expect(Math.abs(smallReported - peakSeenHere)).toBeLessThanOrEqual(1);
    }

    const big = await kit.invoke('allocator', { allocateMb: 100 });
    const bigRss = big.payload as Measured;
    const bigReported = reportedMb(big.requestId);

    expect(bigRss.pid).toBe(smallRss.pid);
    expect(bigReported).toBeGreaterThanOrEqual(100);
    expect(bigReported).toBeGreaterThanOrEqual(Math.floor(bigRss.rssMb));
    expect(bigReported).toBeLessThanOrEqual(Math.ceil(bigRss.rssMb) + 16);

    // The 100 MB stay held, nothing more is allocated: the peak reported stays where it was, never lower.
    const after = await kit.invoke('allocator', { allocateMb: 0 });
    expect(reportedMb(after.requestId)).toBeGreaterThanOrEqual(bigReported);
  });

  it('reads VmHWM of a live process in MB', () => {
    const status = readFileSync('/proc/self/status', 'latin1');
    const kib = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]);

    expect(Math.abs((readPeakRssMb(process.pid) ?? 0) - kib / 1024)).toBeLessThanOrEqual(1);
    expect(readPeakRssMb(2 ** 22 + 1)).toBeUndefined();
  });
});
