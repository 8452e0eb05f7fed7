import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';

const require = createRequire(import.meta.url);
const parserVersion = z.object({ version: z.string() })
  .parse(JSON.parse(await readFile(require.resolve('@cdktf/hcl2json/package.json'), 'utf8'))).version;
const hclJson = z.record(z.string(), z.unknown());
const cacheDir = path.join(os.tmpdir(), 'fanout-hcl2json-cache');

/**
 * `parse` of @cdktf/hcl2json, memoised on disk by parser version and file content. Starting the
 * parser's WebAssembly costs ~150 ms in every Jest worker and test file; the JSON it returns for a
 * given text never changes, so only the first test file to see a new text pays for it.
 */
export async function parseHclCached(filename: string, contents: string): Promise<Record<string, unknown>> {
  const key = createHash('sha256').update(`${parserVersion}\0${filename}\0${contents}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.json`);
  try {
    return hclJson.parse(JSON.parse(await readFile(cached, 'utf8')));
  } catch {
    // Not cached yet (or unreadable): parse for real below.
  }
  const { parse } = await import('@cdktf/hcl2json');
  const json = await parse(filename, contents);
  await mkdir(cacheDir, { recursive: true });
  // Write then rename, so that a parallel worker never reads half a file.
  const partial = `${cached}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(json));
  await rename(partial, cached);
  return json;
}
