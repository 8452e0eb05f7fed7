import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';

/**
 * Writes `data` to a temporary file beside `path`, then renames it over `path`: a reader (another worker,
 * another process) sees the old file or the new one, never half of one.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const partial = `${path}.${process.pid}.${randomUUID()}.partial`;
  await writeFile(partial, data);
  await rename(partial, path);
}
