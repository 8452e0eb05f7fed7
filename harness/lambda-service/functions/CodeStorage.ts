import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, chown, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { InvalidParameterValueException } from '../errors.ts';
import type { StoredCode } from './FunctionStore.ts';

/** Lambda's limit on the unzipped size of a deployment package. */
const MAX_UNZIPPED_BYTES = 262_144_000;

/**
 * Keeps every uploaded code version: the zip (served as Code.Location) and
 * its extraction, once per version, under `<dataDir>/<function>/<version>/`.
 * Old versions stay until the function is deleted, since environments still
 * running them may load files lazily.
 */
export class CodeStorage {
  readonly #dataDir: string;
  /** Paths written per function, so removing one never touches a re-created namesake's files. */
  readonly #paths = new Map<string, string[]>();
  readonly #groupOf: (functionName: string) => number | undefined;

  /**
   * `groupOf`: when environments run as users of their own (SandboxIdentities), the group a function's
   * code belongs to; its files are then readable by that group only, and the zips by nobody but this process.
   */
  constructor(dataDir: string, options: { groupOf?: (functionName: string) => number | undefined } = {}) {
    this.#dataDir = dataDir;
    this.#groupOf = options.groupOf ?? (() => undefined);
  }

  /** Stores and extracts a zip; an unreadable zip is Lambda's InvalidParameterValueException. */
  async store(functionName: string, zip: Uint8Array): Promise<StoredCode> {
    const version = randomUUID();
    const base = join(this.#dataDir, functionName);
    const directory = join(base, version);
    const zipPath = join(base, `${version}.zip`);
    await mkdir(directory, { recursive: true });
    const paths = this.#paths.get(functionName) ?? [];
    paths.push(directory, zipPath);
    this.#paths.set(functionName, paths);
    try {
      await extractZip(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), directory);
    } catch (error) {
      await rm(directory, { recursive: true, force: true });
      if (error instanceof InvalidParameterValueException) {
        throw error;
      }
      throw new InvalidParameterValueException('Could not unzip uploaded file. Please check your file, then try to upload again.');
    }
    await writeFile(zipPath, zip, { mode: 0o600 });
    const gid = this.#groupOf(functionName);
    if (gid !== undefined) {
      await restrictTo(directory, gid);
      await chown(base, 0, gid);
      await chmod(base, 0o750);
    }
    return {
      sha256: createHash('sha256').update(zip).digest('base64'),
      size: zip.byteLength,
      zipPath,
      directory,
    };
  }

  /** Removes every code version of a function. */
  async remove(functionName: string): Promise<void> {
    const paths = this.#paths.get(functionName) ?? [];
    this.#paths.delete(functionName);
    await Promise.all(paths.map((path) => rm(path, { recursive: true, force: true })));
  }
}

/** Root owns the code and the function's group may read it (no one may write it): as /var/task on Lambda. */
async function restrictTo(directory: string, gid: number): Promise<void> {
  await chown(directory, 0, gid);
  await chmod(directory, 0o750);
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      await restrictTo(path, gid);
    } else {
      await chown(path, 0, gid);
      await chmod(path, 0o640);
    }
  }
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolvePromise, reject) => {
    // yauzl rejects absolute paths and `..` segments itself (validateFileName).
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zipFile) => (error ? reject(error) : resolvePromise(zipFile)));
  });
}

async function extractZip(buffer: Buffer, target: string): Promise<void> {
  const zipFile = await openZip(buffer);
  const root = resolve(target) + sep;
  let unzippedBytes = 0;
  const { promise, resolve: done, reject } = Promise.withResolvers<undefined>();
  zipFile.on('error', reject);
  zipFile.on('end', () => done(undefined));
  zipFile.on('entry', (entry: yauzl.Entry) => {
    const destination = resolve(target, entry.fileName);
    if (!destination.startsWith(root)) {
      reject(new Error(`zip entry escapes the code directory: ${entry.fileName}`));
      return;
    }
    unzippedBytes += entry.uncompressedSize;
    if (unzippedBytes > MAX_UNZIPPED_BYTES) {
      reject(new InvalidParameterValueException(`Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`));
      return;
    }
    if (entry.fileName.endsWith('/')) {
      mkdir(destination, { recursive: true }).then(() => zipFile.readEntry(), reject);
      return;
    }
    mkdir(dirname(destination), { recursive: true })
      .then(
        () =>
          new Promise<NodeJS.ReadableStream>((resolveStream, rejectStream) =>
            zipFile.openReadStream(entry, (error, stream) => (error ? rejectStream(error) : resolveStream(stream))),
          ),
      )
      .then((stream) => pipeline(stream, createWriteStream(destination)))
      .then(() => zipFile.readEntry(), reject);
  });
  zipFile.readEntry();
  await promise;
}
