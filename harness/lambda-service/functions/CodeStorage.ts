import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, chown, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { CodeStorageExceededException, InvalidParameterValueException } from '../errors.ts';
import type { StoredCode } from './FunctionStore.ts';

/** Lambda's limit on the unzipped size of a deployment package. */
const MAX_UNZIPPED_BYTES = 262_144_000;
/**
 * What the service keeps on disk at most, zips and extractions of every function together: Lambda's
 * account quota is 75 GB, far more than a development machine should give an emulator.
 */
export const DEFAULT_MAX_CODE_STORAGE_BYTES = 2 * 1024 ** 3;

/** One stored code version of a function. */
interface CodeVersion {
  directory: string;
  zipPath: string;
  /** Zip plus unzipped bytes, counted against the storage limit. */
  bytes: number;
  /** Still being written: never pruned. */
  complete: boolean;
}

/**
 * Keeps the uploaded code versions of each function: the zip (served as
 * Code.Location) and its extraction, once per version, under
 * `<dataDir>/<function>/<version>/`. A version goes once neither the
 * function's current code nor a live environment uses it (`prune`), and all
 * of them with the function. What is kept is bounded (`maxBytes`): an upload
 * past it is CodeStorageExceededException, as Lambda answers past its quota.
 */
export class CodeStorage {
  readonly #dataDir: string;
  /** Versions per function, so removing one never touches a re-created namesake's files. */
  readonly #versions = new Map<string, CodeVersion[]>();
  readonly #groupOf: (functionName: string) => number | undefined;
  readonly #maxBytes: number;
  #usedBytes = 0;

  /**
   * `groupOf`: when environments run as users of their own (SandboxIdentities), the group a function's
   * code belongs to; its files are then readable by that group only, and the zips by nobody but this process.
   */
  constructor(dataDir: string, options: { groupOf?: (functionName: string) => number | undefined; maxBytes?: number } = {}) {
    this.#dataDir = dataDir;
    this.#groupOf = options.groupOf ?? (() => undefined);
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_CODE_STORAGE_BYTES;
  }

  /** Bytes kept now (zips and extractions). */
  get usedBytes(): number {
    return this.#usedBytes;
  }

  /** Stores and extracts a zip; an unreadable zip is Lambda's InvalidParameterValueException. */
  async store(functionName: string, zip: Uint8Array): Promise<StoredCode> {
    const version = randomUUID();
    const base = join(this.#dataDir, functionName);
    const directory = join(base, version);
    const zipPath = join(base, `${version}.zip`);
    const stored: CodeVersion = { directory, zipPath, bytes: 0, complete: false };
    const versions = this.#versions.get(functionName) ?? [];
    versions.push(stored);
    this.#versions.set(functionName, versions);
    // Every byte is counted as it is written, so concurrent uploads cannot pass the limit together.
    const reserve = (bytes: number): void => {
      if (this.#usedBytes + bytes > this.#maxBytes) {
        throw new CodeStorageExceededException();
      }
      this.#usedBytes += bytes;
      stored.bytes += bytes;
    };
    try {
      reserve(zip.byteLength);
      await mkdir(directory, { recursive: true });
      await extractZip(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), directory, reserve);
      await writeFile(zipPath, zip, { mode: 0o600 });
    } catch (error) {
      await this.#delete(functionName, stored);
      if (error instanceof InvalidParameterValueException || error instanceof CodeStorageExceededException) {
        throw error;
      }
      throw new InvalidParameterValueException('Could not unzip uploaded file. Please check your file, then try to upload again.');
    }
    const gid = this.#groupOf(functionName);
    if (gid !== undefined) {
      await restrictTo(directory, gid);
      await chown(base, 0, gid);
      await chmod(base, 0o750);
    }
    stored.complete = true;
    return {
      sha256: createHash('sha256').update(zip).digest('base64'),
      size: zip.byteLength,
      zipPath,
      directory,
    };
  }

  /** Removes the function's versions whose folder is not in `keep` (its current code and what live environments run). */
  async prune(functionName: string, keep: ReadonlySet<string>): Promise<void> {
    const versions = this.#versions.get(functionName) ?? [];
    await Promise.all(versions.filter((version) => version.complete && !keep.has(version.directory)).map((version) => this.#delete(functionName, version)));
  }

  /** Removes every code version of a function. */
  async remove(functionName: string): Promise<void> {
    const versions = [...(this.#versions.get(functionName) ?? [])];
    this.#versions.delete(functionName);
    await Promise.all(versions.map((version) => this.#delete(functionName, version)));
  }

  async #delete(functionName: string, version: CodeVersion): Promise<void> {
    const versions = this.#versions.get(functionName);
    const index = versions?.indexOf(version) ?? -1;
    if (index >= 0) versions?.splice(index, 1);
    this.#usedBytes -= version.bytes;
    version.bytes = 0;
    await Promise.all([rm(version.directory, { recursive: true, force: true }), rm(version.zipPath, { force: true })]);
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

async function extractZip(buffer: Buffer, target: string, reserve: (bytes: number) => void): Promise<void> {
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
    try {
      reserve(entry.uncompressedSize);
    } catch (error) {
      reject(error);
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
