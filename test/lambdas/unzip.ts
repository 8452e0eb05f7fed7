import { open, type Entry, type ZipFile } from 'yauzl';

/** Every entry of a zip file, in archive order, with its contents. */
export async function readZipEntries(zipPath: string): Promise<{ entry: Entry; data: Buffer }[]> {
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    open(zipPath, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened)));
  });
  const entries: { entry: Entry; data: Buffer }[] = [];
  const { promise, resolve, reject } = Promise.withResolvers<{ entry: Entry; data: Buffer }[]>();
  zip.on('error', reject);
  zip.on('end', () => resolve(entries));
  zip.on('entry', (entry: Entry) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => {
        entries.push({ entry, data: Buffer.concat(chunks) });
        zip.readEntry();
      });
    });
  });
  zip.readEntry();
  return promise;
}
