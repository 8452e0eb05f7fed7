import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { startPublisherProcess } from '../../harness/backends/embedded/startPublisherProcess.ts';
import { publisherEntry } from '../../harness/build/buildPublisher.ts';

// `npm run features` sets NODE_COMPILE_CACHE for its workers; the publisher process they start gets only the
// variables it needs, and that one: started from a warm cache it was listening in about 75 ms less CPU.
const saved = process.env.NODE_COMPILE_CACHE;
const dirs: string[] = [];

afterEach(async () => {
  if (saved === undefined) delete process.env.NODE_COMPILE_CACHE;
  else process.env.NODE_COMPILE_CACHE = saved;
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Starts and stops a publisher while NODE_COMPILE_CACHE is `cache` (unset when undefined); what the cache directory holds after. */
async function cacheFilesAfterARun(cache: string, set: boolean): Promise<string[]> {
  if (set) process.env.NODE_COMPILE_CACHE = cache;
  else delete process.env.NODE_COMPILE_CACHE;
  const publisher = await startPublisherProcess({
    entry: await publisherEntry(),
    topicArn: 'arn:aws:sns:us-east-1:000000000000:compile-cache-orders',
    apiKeys: ['cache-key'],
    region: 'us-east-1',
    // Never called: the publisher publishes nothing before an order comes.
    snsEndpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    logLevel: 'silent',
  });
  // Node writes the cache as the process exits; close() resolves once it has.
  await publisher.close();
  return (await readdir(cache, { recursive: true })).filter((entry) => !entry.endsWith('/'));
}

describe('the publisher process', () => {
  it("compiles into the run's NODE_COMPILE_CACHE when there is one, and into no cache when there is none", async () => {
    const cache = await mkdtemp(join(tmpdir(), 'publisher-compile-cache-'));
    const untouched = await mkdtemp(join(tmpdir(), 'publisher-no-compile-cache-'));
    dirs.push(cache, untouched);

    const written = await cacheFilesAfterARun(cache, true);
    const notWritten = await cacheFilesAfterARun(untouched, false);

    expect(written.length).toBeGreaterThan(0);
    expect(notWritten).toEqual([]);
  }, 30_000);
});
