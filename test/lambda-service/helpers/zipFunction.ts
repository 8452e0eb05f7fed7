import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipEntries } from '../../../harness/build/zipEntries.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/functions/', import.meta.url));

/** Zips `test/fixtures/functions/<name>/` in memory, as a Lambda deployment package. */
export async function zipFixture(name: string): Promise<Uint8Array> {
  const root = join(FIXTURES, name);
  return zipFiles(
    await Promise.all((await listFiles(root)).map(async (path) => ({ name: relative(root, path), content: await readFile(path) }))),
  );
}

/** Zips files given by name and content. */
export async function zipFiles(files: readonly { name: string; content: string | Buffer }[]): Promise<Uint8Array> {
  return new Uint8Array(await zipEntries(files.map((file) => ({ name: file.name, data: file.content }))));
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(directory, entry.name);
      return entry.isDirectory() ? listFiles(path) : Promise.resolve([path]);
    }),
  );
  return nested.flat();
}
