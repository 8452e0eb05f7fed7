import { ZipFile } from 'yazl';

/** The earliest DOS timestamp; a local date, because zip headers store local time fields. */
export const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);
export const ZIP_FILE_MODE = 0o100644;

/** One file of a zip, by its path inside the archive. */
export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
}

/**
 * A zip (a Lambda deployment package) whose bytes depend on the entries' names and contents only: fixed
 * timestamps and modes, entries sorted by name. The one zip writer of the house (bundles, bench, tests).
 */
export function zipEntries(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of sorted) {
    // forceDosTimestamp leaves out the UTC "extended timestamp" field, which would vary with the time zone.
    zip.addBuffer(Buffer.from(entry.data), entry.name, { mtime: ZIP_MTIME, mode: ZIP_FILE_MODE, compress: true, compressionLevel: 9, forceDosTimestamp: true });
  }
  const { promise, resolve, reject } = Promise.withResolvers<Buffer>();
  const chunks: Buffer[] = [];
  zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
  zip.outputStream.on('error', reject);
  zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  zip.end();
  return promise;
}
