import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as z from 'zod';
import { writeFileAtomically } from '../files/writeFileAtomically.ts';

/** Bumped when the stamp's meaning changes, so stamps of an older layout rebuild. */
const STAMP_FORMAT = 1;

const StampSchema = z.object({
  format: z.literal(STAMP_FORMAT),
  settingsSha256: z.string(),
  /** Content hash of every file esbuild read, by its path relative to the working directory. */
  inputs: z.record(z.string(), z.string()),
  zipSha256: z.string(),
  bundleBytes: z.number().int().nonnegative(),
});

/** What a build leaves beside `<name>.zip`: enough to tell, without esbuild, that a rebuild would give the same zip. */
export type LambdaBuildStamp = z.infer<typeof StampSchema>;

/** The stamp's path for a zip: `<name>.zip.stamp.json` beside it. */
export function stampPathFor(zipPath: string): string {
  return `${zipPath}.stamp.json`;
}

/** Hex SHA-256 of bytes or a string. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Content hashes by absolute path, shared by the functions of one build: their inputs are mostly the same SDK files. */
export type FileHashes = Map<string, string>;

/**
 * The hash of a file per input esbuild's metafile lists (about 800 per function, mostly `node_modules`).
 * Entries that are not files (esbuild's `<define:…>` or `(disabled):…` namespaces) are left out. The reads
 * are synchronous: for hundreds of small files they take a fraction of the time of queued async reads.
 */
export function hashInputs(workingDir: string, inputPaths: readonly string[], known: FileHashes = new Map()): Record<string, string> {
  const files = inputPaths.filter((input) => !input.startsWith('<') && !/^[\w()-]+:/.test(input)).sort();
  const hashes: Record<string, string> = {};
  for (const file of files) {
    const path = resolve(workingDir, file);
    let hash = known.get(path);
    if (hash === undefined) {
      hash = sha256(readFileSync(path));
      known.set(path, hash);
    }
    hashes[file] = hash;
  }
  return hashes;
}

/** The stamp at `stampPath`, or undefined when it is missing, unreadable or of another layout. */
export async function readStamp(stampPath: string): Promise<LambdaBuildStamp | undefined> {
  try {
    const parsed = StampSchema.safeParse(JSON.parse(await readFile(stampPath, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `stamp` still describes the zip a build would make now: same settings, every input file
 * unchanged, and the zip on disk the one the stamp was written for (not deleted, replaced or cut short).
 */
export async function stampIsCurrent(options: { stamp: LambdaBuildStamp; settingsSha256: string; workingDir: string; zipPath: string; known?: FileHashes }): Promise<boolean> {
  const { stamp, settingsSha256, workingDir, zipPath, known } = options;
  if (stamp.settingsSha256 !== settingsSha256) return false;
  try {
    const now = hashInputs(workingDir, Object.keys(stamp.inputs), known);
    const same = Object.entries(stamp.inputs).every(([file, hash]) => now[file] === hash);
    return same && sha256(await readFile(zipPath)) === stamp.zipSha256;
  } catch {
    // An input or the zip is gone: rebuild.
    return false;
  }
}

/** Writes the stamp through a temporary file and a rename, so a concurrent build never reads half of one. */
export async function writeStamp(stampPath: string, stamp: Omit<LambdaBuildStamp, 'format'>): Promise<void> {
  await writeFileAtomically(stampPath, `${JSON.stringify({ format: STAMP_FORMAT, ...stamp } satisfies LambdaBuildStamp, null, 2)}\n`);
}
