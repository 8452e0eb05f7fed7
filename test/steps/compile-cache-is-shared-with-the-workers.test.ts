import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import plugin from '../../steps/cli/shareCompileCache.ts';

const probe = fileURLToPath(new URL('./fixtures/compileCacheProbe.mjs', import.meta.url));
const pluginFile = fileURLToPath(new URL('../../steps/cli/shareCompileCache.ts', import.meta.url));

describe('the plugin that writes the compile cache before the workers start', () => {
  it('writes what the coordinator compiled when its pickles:filter transform runs, and leaves the pickles as they are', async () => {
    // Prepare: a Node of its own, whose compile cache starts empty (Jest's module loader has none)
    const dir = await mkdtemp(join(tmpdir(), 'compile-cache-'));
    try {
      // Act
      const { stdout } = await promisify(execFile)(process.execPath, [probe, join(dir, 'cache'), pluginFile]);

      // Assess: nothing was on disk before the transform (Node writes at exit otherwise); after it, the modules are
      const result = JSON.parse(stdout) as { event: string; before: number; after: number; unchanged: boolean };
      expect(result.event).toBe('pickles:filter');
      expect(result.unchanged).toBe(true);
      expect(result.after).toBeGreaterThan(result.before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('registers nothing outside a run', () => {
    const events: string[] = [];
    plugin.coordinator({ operation: 'loadSupport', transform: (event) => events.push(event) });
    expect(events).toEqual([]);
  });
});
